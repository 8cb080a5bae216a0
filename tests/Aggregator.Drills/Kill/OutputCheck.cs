using System.Xml;
using Aggregator.Publishing;
using Microsoft.Data.Sqlite;

namespace Aggregator.Drills.Kill;

/// <summary>What a killed run left: is the store intact, how many articles does it hold, are the published files whole.</summary>
internal static class OutputCheck
{
    /// <summary>"ok" when the store passes PRAGMA integrity_check (or does not exist yet), else SQLite's answer.</summary>
    public static (string Integrity, long Articles) Store(string data)
    {
        var file = Path.Combine(data, "aggregator.db");
        if (!File.Exists(file))
            return ("ok", 0);
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var integrity = connection.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check;";
        var verdict = Convert.ToString(integrity.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "no answer";
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'articles';";
        if (Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            return (verdict, 0);
        count.CommandText = "SELECT count(*) FROM articles;";
        return (verdict, Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Published files that are not whole (names with the reason), and the temp files a kill left behind.</summary>
    public static (List<string> Torn, int Leftovers) Published(string output)
    {
        var torn = new List<string>();
        var leftovers = 0;
        if (!Directory.Exists(output))
            return (torn, 0);
        foreach (var path in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            if (path.EndsWith(AtomicFileWriter.TempSuffix, StringComparison.Ordinal))
            {
                // Hidden, never under a published name; the next run's cleanup removes stale ones.
                leftovers++;
                continue;
            }

            var problem = Whole(path);
            if (problem is not null)
                torn.Add($"{Path.GetRelativePath(output, path)}: {problem}");
        }

        return (torn, leftovers);
    }

    private static string? Whole(string path)
    {
        var extension = Path.GetExtension(path);
        if (extension is ".atom" or ".opml" or ".xml")
        {
            try
            {
                using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
                while (reader.Read())
                {
                }

                return null;
            }
            catch (XmlException exception)
            {
                return exception.Message;
            }
        }

        if (extension == ".html")
            return File.ReadAllText(path).TrimEnd().EndsWith("</html>", StringComparison.OrdinalIgnoreCase) ? null : "does not end with </html>";
        return new FileInfo(path).Length > 0 ? null : "empty";
    }
}
