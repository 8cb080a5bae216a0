namespace Aggregator.Configuration.Json;

/// <summary>The kind of a JSON value, as the validator needs to tell them apart.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}
