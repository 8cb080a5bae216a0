using Aggregator.Normalizing.Identity;

namespace Aggregator.Storage;

/// <summary>Tuning of the SQLite store; the defaults suit one machine polling a few hundred sources.</summary>
internal sealed record StorageOptions
{
    /// <summary>How long a connection waits for a lock before failing (SQLite busy_timeout).</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>A source is paused after this many consecutive failed polls.</summary>
    public int PauseAfterFailures { get; init; } = 10;
    /// <summary>Wait after the first failure; doubles with each further one.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>Longest wait between attempts of a failing source.</summary>
    public TimeSpan BackoffCap { get; init; } = TimeSpan.FromHours(6);
    /// <summary>Thresholds of the cross-source story match (dedupe level 3).</summary>
    public StoryMatchOptions StoryMatch { get; init; } = new();
    /// <summary>
    /// At most this many level-3 candidates are compared per entry: a bound on the cost of generic
    /// titles shared by hundreds of articles in the window. Counted after the fingerprint prefilter
    /// (<see cref="StoryPrefilter"/>), which drops the candidates whose body numbers disagree before their title is read.
    /// </summary>
    public int MaxStoryCandidates { get; init; } = 64;
    /// <summary>
    /// Articles whose story columns the writer keeps in memory for level-3 candidates
    /// (<see cref="StoryCandidateCache"/>), whole publication weeks at a time: loading a week past this
    /// drops the other weeks first. A 48-hour window touches two weeks at most; at 1,000,000 articles
    /// over 90 days a week is ~78,000 (~60-150 bytes each with the groups and their anchors, the
    /// most when every title has anchors of its own). Released with the page caches when idle.
    /// </summary>
    public int StoryCacheCapacity { get; init; } = 200_000;
    /// <summary>
    /// SQLite's page size of a database this store creates (a file that exists keeps the size it was
    /// made with; converting one takes a VACUUM outside WAL mode). 2,048 rather than SQLite's 4,096:
    /// articles of 2-4 KB (most of the news corpus) fill a 4 KB leaf page one at a time and leave the
    /// rest of it empty, and every index entry an ingest adds at a random place writes a whole page to
    /// the WAL. In the corpus benchmark (bench/ingest.sh, 200,000 preloaded) 2,048 wrote 16.8 KiB per
    /// entry instead of 22.1 and kept 3,168 database bytes per article instead of 4,625; reads of the
    /// publish walks cost about the same (1,024 was slower to read and no faster to write).
    /// </summary>
    public int PageSize { get; init; } = 2048;
    /// <summary>Page cache of the writer connection: the indexes of a large store must stay in memory for fast ingest.</summary>
    public int CacheSizeMebibytes { get; init; } = 64;
    /// <summary>
    /// Page cache of each pooled reader connection. Small on purpose: a publish reads across many
    /// pooled readers at once, and at the writer's size each kept its own 64 MiB copy of what it had
    /// read (serve held ~1.4 GiB idle over a 1,000,000-article store); the operating system's file
    /// cache already keeps those pages, so a reader's own cache buys little.
    /// </summary>
    public int ReaderCacheSizeMebibytes { get; init; } = 4;
    /// <summary>
    /// WAL pages written between checkpoints (SQLite's default is 1,000): fewer, larger checkpoints
    /// write each hot index page once instead of once per few polls. 40,000 pages (160 MB of WAL at
    /// most between checkpoints with 4 KB pages, 80 MB with <see cref="PageSize"/>'s 2 KB) wrote 33.0 KiB per ingested entry against 36.1 at 10,000 in the corpus
    /// benchmark (bench/ingest.sh), at a cost of a longer WAL replay after a crash. With
    /// <see cref="BackgroundCheckpoint"/> this is the background checkpointer's threshold, otherwise
    /// SQLite's wal_autocheckpoint.
    /// </summary>
    public int WalAutoCheckpointPages { get; init; } = 40_000;
    /// <summary>
    /// Write a transaction's WAL frames in one system call at its commit (<see cref="CoalescingWalVfs"/>)
    /// instead of SQLite's two per frame. Off runs SQLite's own file layer (the benchmark's comparison).
    /// </summary>
    public bool CoalesceWalWrites { get; init; } = true;
    /// <summary>
    /// Checkpoint on a background connection (<see cref="WalCheckpointer"/>) instead of inside the commit
    /// that crosses <see cref="WalAutoCheckpointPages"/>: a poll's commit no longer waits for the copy of
    /// the whole WAL into the database and its sync. False restores SQLite's automatic checkpoint.
    /// </summary>
    public bool BackgroundCheckpoint { get; init; } = true;
    /// <summary>
    /// With <see cref="BackgroundCheckpoint"/>, a commit that leaves the WAL this many times
    /// <see cref="WalAutoCheckpointPages"/> waits for the checkpoint in progress: the bound of the WAL's size.
    /// </summary>
    public int WalHardLimitFactor { get; init; } = 4;
}
