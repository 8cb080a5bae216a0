namespace Aggregator.Cli;

/// <summary>The exit codes scripts and containers rely on (PRODUCT.md, "Command line").</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int SomeSourcesFailed = 1;
    public const int InvalidConfigurationOrUsage = 2;
}
