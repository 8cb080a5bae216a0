using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Aggregator.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL server for the tests: initdb on a temporary folder, pg_ctl start on
/// 127.0.0.1 and a free port, stopped and deleted on dispose. As root the binaries run as the
/// postgres user (initdb refuses root). Missing binaries fail the tests with a message saying what
/// to install; CI installs Debian's postgresql.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string BinariesRoot = "/usr/lib/postgresql";
    private string? binDirectory;
    private string? dataDirectory;
    private int databaseCount;

    public int Port { get; private set; }

    /// <summary>The bin folder of the newest PostgreSQL installed, or null.</summary>
    public static string? FindBinaries()
    {
        if (!Directory.Exists(BinariesRoot))
            return null;
        return Directory.GetDirectories(BinariesRoot)
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            .FirstOrDefault();
    }

    public async Task InitializeAsync()
    {
        binDirectory = FindBinaries() ?? throw new InvalidOperationException(
            $"PostgreSQL tests: no initdb/pg_ctl under {BinariesRoot}/*/bin; install Debian's postgresql package (apt-get install postgresql), as .ci/run does.");
        dataDirectory = Path.Combine(Path.GetTempPath(), "aggregator-postgres-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
            await RunAsync("chown", ["postgres:postgres", dataDirectory], asPostgres: false);

        var data = Path.Combine(dataDirectory, "data");
        await RunAsync(Path.Combine(binDirectory, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], asRoot);
        Port = FreePort();
        // Durability settings off: the data is thrown away, and the tests should not wait for disks.
        var serverOptions = $"-p {Port} -k {dataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", data, "-o", serverOptions, "-l", Path.Combine(dataDirectory, "server.log"), "-w", "-t", "60", "start"], asRoot);
    }

    /// <summary>A new empty database on the server: each test gets its own.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test{Interlocked.Increment(ref databaseCount)}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\";", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        // A closed test database must not linger in a pool holding the server's connection slots.
        Pooling = true,
        MaxPoolSize = 20,
    }.ConnectionString;

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (binDirectory is not null && dataDirectory is not null && Port != 0)
        {
            await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", Path.Combine(dataDirectory, "data"), "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
        }

        if (dataDirectory is not null)
        {
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
                start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"PostgreSQL tests: cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"PostgreSQL tests: {Path.GetFileName(program)} exited with {process.ExitCode}: {await error}{await output}");
    }
}
