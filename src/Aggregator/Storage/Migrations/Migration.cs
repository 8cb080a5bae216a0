namespace Aggregator.Storage.Migrations;

/// <summary>One schema step; <see cref="Version"/> is what PRAGMA user_version holds once it is applied.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
