using System.Text.RegularExpressions;
using Aggregator.Configuration.Json;
using Aggregator.Model;

namespace Aggregator.Configuration.Validation;

/// <summary>
/// Reads feeds.json's "store": which database holds the articles, and the name of the environment
/// variable with the PostgreSQL connection string (the string itself never belongs in feeds.json).
/// </summary>
internal static partial class StoreReader
{
    public const string SqliteKind = "sqlite";
    public const string PostgresKind = "postgres";
    public const string VariablePattern = "^[A-Za-z_][A-Za-z0-9_]*$";

    public static StoreSelection Read(LocatedValue root, ValueReader reader)
    {
        var store = root.Member(ConfigKeys.Store)?.Value;
        if (store is null || !reader.IsObject(store))
            return StoreSelection.Default;
        reader.CheckKeys(store, ConfigKeys.StoreKeys);
        var selection = StoreSelection.Default;
        if (store.Member(ConfigKeys.Kind)?.Value is { } kindValue && reader.String(kindValue) is { } kind)
        {
            if (ParseKind(kind) is { } parsed)
                selection = selection with { Kind = parsed };
            else
                reader.Problems.Add(kindValue.Position, $"{kindValue.DisplayPath} must be \"{SqliteKind}\" or \"{PostgresKind}\", not \"{kind}\"");
        }

        if (store.Member(ConfigKeys.ConnectionStringEnv)?.Value is { } variableValue && reader.String(variableValue) is { } variable)
        {
            if (VariableName().IsMatch(variable))
                selection = selection with { ConnectionStringVariable = variable };
            else
                reader.Problems.Add(variableValue.Position, $"{variableValue.DisplayPath} must name an environment variable (letters, digits and '_'), not hold a connection string");
        }

        return selection;
    }

    /// <summary>"sqlite" or "postgres" (any case), else null.</summary>
    public static StoreKind? ParseKind(string text) => text.Trim().ToLowerInvariant() switch
    {
        SqliteKind => StoreKind.Sqlite,
        PostgresKind or "postgresql" => StoreKind.Postgres,
        _ => null,
    };

    [GeneratedRegex(VariablePattern)]
    private static partial Regex VariableName();
}
