using Aggregator.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    // First Ctrl+C cancels gracefully; the run stops polling and leaves the store consistent.
    eventArgs.Cancel = true;
    cancellation.Cancel();
};
Console.OutputEncoding = System.Text.Encoding.UTF8;
return await CliApp.InvokeAsync(args, Console.Out, Console.Error, cancellation.Token);
