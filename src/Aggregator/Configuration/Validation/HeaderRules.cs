namespace Aggregator.Configuration.Validation;

/// <summary>Request headers must be sendable: RFC 9110 token names, values without line breaks.</summary>
internal static class HeaderRules
{
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    public static bool IsValidName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || TokenSymbols.Contains(c, StringComparison.Ordinal));

    public static bool IsValidValue(string value) => !value.Any(c => c is '\r' or '\n' or '\0');
}
