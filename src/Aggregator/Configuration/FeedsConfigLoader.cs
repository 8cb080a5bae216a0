using System.Text;
using Aggregator.Configuration.Json;
using Aggregator.Configuration.Validation;

namespace Aggregator.Configuration;

/// <summary>
/// Loads feeds.json into <see cref="Model.AggregatorSettings"/>, or reports every problem found,
/// each at the exact line and column of the key or value at fault.
/// </summary>
internal static class FeedsConfigLoader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Reads and validates the file at <paramref name="path"/>. Problems name the file as
    /// <paramref name="path"/> was given; relative <c>file:</c> source URLs resolve against its folder.
    /// </summary>
    public static ConfigLoadResult Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : ex.Message;
            return Failed(new ConfigProblem(path, 1, 1, $"configuration: cannot read {path}: {reason}"));
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Environment.CurrentDirectory;
        return ParseBytes(bytes, path, directory);
    }

    /// <summary>
    /// Validates feeds.json text; <paramref name="displayName"/> is the file name problems carry.
    /// Relative <c>file:</c> URLs resolve against <paramref name="baseDirectory"/> (default: the current directory).
    /// </summary>
    public static ConfigLoadResult Parse(string json, string displayName, string? baseDirectory = null) =>
        ParseBytes(Encoding.UTF8.GetBytes(json), displayName, baseDirectory ?? Environment.CurrentDirectory);

    /// <summary>Validates UTF-8 bytes (a leading BOM is skipped).</summary>
    public static ConfigLoadResult ParseBytes(byte[] utf8, string displayName, string baseDirectory)
    {
        // Utf8JsonReader rejects a BOM; dropping it keeps the first line's columns right too.
        var text = utf8.AsSpan().StartsWith(Utf8Bom) ? utf8[Utf8Bom.Length..] : utf8;
        var map = new LineMap(text);
        var problems = new ProblemList(displayName);
        var root = LocatedJsonParser.Parse(text, map, out var syntaxError);
        if (root is null)
        {
            var error = syntaxError ?? new JsonSyntaxError(new TextPosition(1, 1), "the file is not JSON");
            problems.Add(error.Position, error.Message);
            return new ConfigLoadResult(null, problems.Sorted());
        }
        var settings = SettingsReader.Read(root, baseDirectory, problems);
        return problems.Count > 0 ? new ConfigLoadResult(null, problems.Sorted()) : new ConfigLoadResult(settings, []);
    }

    private static ConfigLoadResult Failed(ConfigProblem problem) => new(null, [problem]);
}
