# Multi-stage: the SDK compiles Aggregator ahead of time (Native AOT) into one executable; the runtime
# image needs no .NET at all, only the native dependencies (runtime-deps: libc, ICU, OpenSSL).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The native compiler links with clang; zlib is part of the runtime it links in.
RUN apt-get update && apt-get install -y --no-install-recommends clang zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
# x86-64-v3 (AVX2; Intel 2013+, AMD 2015+) by default; `--build-arg ISA=x86-64-v2` for older CPUs,
# on which the default build stops at start: "The required instruction sets are not supported by the current CPU."
ARG ISA=x86-64-v3
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Aggregator.sln ./
COPY src/Aggregator/Aggregator.csproj src/Aggregator/
RUN dotnet restore src/Aggregator/Aggregator.csproj -r linux-x64
COPY src/ src/
COPY feeds.schema.json ./
RUN dotnet publish src/Aggregator/Aggregator.csproj -c Release -r linux-x64 --no-restore \
        -p:IlcInstructionSet=$ISA -o /app \
    && rm -f /app/*.dbg

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime
# tzdata: zone-less dates are read in each source's IANA time zone (e.g. Asia/Shanghai).
RUN apt-get update && apt-get install -y --no-install-recommends tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /data /public /config && chown -R app:app /data /public /config
WORKDIR /app
COPY --from=build /app ./
COPY feeds.json feeds.schema.json /config/
ENV AGGREGATOR_CONFIG=/config/feeds.json \
    AGGREGATOR_DATA=/data \
    AGGREGATOR_OUT=/public \
    AGGREGATOR_LOG_FORMAT=json \
    DOTNET_gcServer=0
USER app
VOLUME ["/data", "/public"]
ENTRYPOINT ["/app/Aggregator"]
# Cron-style by default: poll everything once, publish, exit with the run's health.
CMD ["run-once"]
