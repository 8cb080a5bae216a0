// The tests read and write their stores with vanilla Dapper on purpose (JIT only, checking the store
// from outside); saying so keeps Dapper.AOT's analyzers, which reach this project through the
// Aggregator reference, from asking for interceptors here (DAP005).
[module: Dapper.DapperAot(false)]
