using System.Diagnostics;

namespace Aggregator.Tests.Support;

/// <summary>Runs xmllint (Debian libxml2-utils) when it is installed.</summary>
internal static class PublishingXmllint
{
    public const string MissingMessage = "xmllint is not installed (apt-get install -y libxml2-utils); the RELAX NG validation of the Atom feeds was skipped.";

    public static string? Executable { get; } = Find();

    /// <summary>Exit code and combined output of <c>xmllint --noout --relaxng schema file</c>.</summary>
    public static (int ExitCode, string Output) ValidateRelaxNg(string schema, string file)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException(MissingMessage))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--noout", "--nonet", "--relaxng", schema, file })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "xmllint"))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>A fact that is skipped, saying why, when xmllint is not installed.</summary>
internal sealed class PublishingXmllintFactAttribute : FactAttribute
{
    public PublishingXmllintFactAttribute()
    {
        if (PublishingXmllint.Executable is null)
            Skip = PublishingXmllint.MissingMessage;
    }
}
