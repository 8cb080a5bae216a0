using System.Diagnostics;
using Aggregator.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Aggregator.Tests.Http.Clients;

/// <summary>
/// newsboat (Debian newsboat) run headless: <c>newsboat -x reload</c> with its own urls file, an
/// empty config and a cache database in a scratch folder, HOME pointing there too so no user file is
/// read or written, stdin from nothing (no terminal needed), a UTF-8 locale so Chinese text is kept.
/// What it read is taken from its SQLite cache, as the reader itself would show it.
/// </summary>
internal sealed class NewsboatClient : IDisposable
{
    private readonly TempDirectory folder = new();
    private readonly string executable;

    public NewsboatClient(IEnumerable<Uri> urls)
    {
        executable = Locate() ?? throw new InvalidOperationException("newsboat is not installed.");
        File.WriteAllLines(folder.Combine("urls"), urls.Select(url => url.AbsoluteUri));
        File.WriteAllText(folder.Combine("config"), string.Empty);
    }

    private string CachePath => folder.Combine("cache.db");

    /// <summary>Fails the test, saying how to install it, when newsboat is missing.</summary>
    public static void Require()
    {
        if (Locate() is null)
            Assert.Fail("Real-client test: newsboat is not installed; install it with `apt-get install -y newsboat` (.ci/run does).");
    }

    /// <summary>Runs one <c>newsboat -x reload</c> over the urls file, into the cache database.</summary>
    public void Reload()
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder.Path,
        };
        foreach (var argument in new[] { "-u", folder.Combine("urls"), "-C", folder.Combine("config"), "-c", CachePath, "-x", "reload" })
            start.ArgumentList.Add(argument);
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        start.Environment["HOME"] = folder.Path;
        start.Environment["XDG_CONFIG_HOME"] = folder.Combine("config-home");
        start.Environment["XDG_DATA_HOME"] = folder.Combine("data-home");
        start.Environment["LANG"] = "C.UTF-8";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("newsboat -x reload did not finish within 2 minutes.");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"newsboat -x reload exited with {process.ExitCode}: {output} {error.Result}");
    }

    public IReadOnlyList<NewsboatItem> Items() => Query(
        "SELECT guid, title, author, url, feedurl, pubDate FROM rss_item WHERE deleted = 0 ORDER BY id",
        row => new NewsboatItem(row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4), row.GetInt64(5)));

    public IReadOnlyList<NewsboatFeed> Feeds() => Query(
        "SELECT rssurl, title, etag, lastmodified FROM rss_feed ORDER BY rssurl",
        row => new NewsboatFeed(row.GetString(0), row.GetString(1), row.GetString(2), row.GetInt64(3)));

    public void Dispose() => folder.Dispose();

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> map)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = CachePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(map(reader));
        return rows;
    }

    private static string? Locate() =>
        (Environment.GetEnvironmentVariable("PATH") + ":/usr/bin:/usr/local/bin").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "newsboat"))
            .FirstOrDefault(File.Exists);
}
