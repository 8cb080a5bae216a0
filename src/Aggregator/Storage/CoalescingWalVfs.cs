using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Aggregator.Storage;

/// <summary>
/// A SQLite VFS over the platform's own ("unix") that hands a transaction's WAL frames to the kernel
/// in one write at its commit, instead of two system calls per frame. SQLite writes each frame as its
/// 24-byte header, then the page: a poll's commit of ~40 new articles dirtied ~260 pages (the article
/// rows and every index they land in), ~520 pwrite calls at ~2 us each, a quarter of the writer's CPU
/// in the ingest benchmark (perf, 2026-11-28). Every other file, and every other call on the WAL, goes
/// to the platform VFS unchanged.
/// <para>
/// What a crash or another connection sees is what stock SQLite leaves: the writes reach the file in
/// SQLite's order, only grouped, and the group is written out as soon as a commit frame is complete
/// (its header, the only kind whose bytes 4-7 are non-zero, then its page; the header goes out on its
/// own first, as SQLite may rewrite it last). That is before SQLite
/// publishes the commit in the shared WAL index, so no reader or checkpointer can look for a committed
/// frame that is still in memory, and a commit that returned is in the kernel, as it is without this VFS
/// (synchronous=NORMAL: the kernel writes it out; a process kill loses nothing). Frames of a transaction
/// that never commits may stay in memory until the next write out, like frames SQLite writes and never
/// commits: recovery ignores them either way. Before any read, sync, size, truncation, file control or
/// close of the WAL the memory is written out first, so SQLite never sees a file that lags its writes.
/// </para>
/// </summary>
internal static unsafe partial class CoalescingWalVfs
{
    /// <summary>The name connections ask for (the <c>vfs</c> parameter of a <c>file:</c> URI).</summary>
    public const string Name = "aggregator-wal";

    private const int SqliteOk = 0;
    private const int SqliteNoMem = 7;
    private const int OpenWal = 0x00080000;
    private const int FrameHeaderSize = 24;

    /// <summary>A transaction larger than this is written out in pieces of this size (a poll's is ~0.5 MiB).</summary>
    private const int BufferCapacity = 2 * 1024 * 1024;

    /// <summary>
    /// The most the platform VFS writes in one call: its unixWrite masks a length to 17 bits (a write of
    /// 128 KiB or a multiple of it writes nothing and reports a full disk), as SQLite itself never writes
    /// more than a page at once.
    /// </summary>
    private const int MaxWrite = 124 * 1024;

    private static readonly Lock Registration = new();
    private static bool registered;
    private static IoMethods* walMethods;

    /// <summary>Registers the VFS once per process (not as the default: only the store's connections use it).</summary>
    public static void EnsureRegistered()
    {
        lock (Registration)
        {
            if (registered)
                return;
            // Makes Microsoft.Data.Sqlite load and initialize the same native SQLite this class calls.
            SQLitePCL.Batteries_V2.Init();
            var platform = NativeMethods.sqlite3_vfs_find(null);
            if (platform is null)
                throw new StorageException("storage: SQLite has no default VFS to build the WAL write buffer on");

            var methods = (IoMethods*)NativeMemory.AllocZeroed((nuint)sizeof(IoMethods));
            methods->Version = 3;
            methods->Close = &Close;
            methods->Read = &Read;
            methods->Write = &Write;
            methods->Truncate = &Truncate;
            methods->Sync = &Sync;
            methods->FileSize = &FileSize;
            methods->Lock = &LockFile;
            methods->Unlock = &UnlockFile;
            methods->CheckReservedLock = &CheckReservedLock;
            methods->FileControl = &FileControl;
            methods->SectorSize = &SectorSize;
            methods->DeviceCharacteristics = &DeviceCharacteristics;
            methods->ShmMap = &ShmMap;
            methods->ShmLock = &ShmLock;
            methods->ShmBarrier = &ShmBarrier;
            methods->ShmUnmap = &ShmUnmap;
            methods->Fetch = &Fetch;
            methods->Unfetch = &Unfetch;
            walMethods = methods;

            var vfs = (Vfs*)NativeMemory.AllocZeroed((nuint)sizeof(Vfs));
            *vfs = *platform;
            vfs->Version = Math.Min(platform->Version, 3);
            vfs->Next = null;
            vfs->OsFileSize = sizeof(WalFile) + platform->OsFileSize;
            vfs->AppData = platform;
            vfs->Name = (byte*)Marshal.StringToCoTaskMemUTF8(Name);
            vfs->Open = &Open;
            var rc = NativeMethods.sqlite3_vfs_register(vfs, 0);
            if (rc != SqliteOk)
                throw new StorageException($"storage: SQLite refused the WAL write buffer VFS (error {rc})");
            registered = true;
        }
    }

    /// <summary>
    /// A connection string's data source for <paramref name="path"/> through this VFS: a <c>file:</c> URI
    /// (Microsoft.Data.Sqlite opens those with SQLITE_OPEN_URI), with the characters URIs give a meaning escaped.
    /// </summary>
    public static string DataSource(string path)
    {
        var escaped = path.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("?", "%3f", StringComparison.Ordinal)
            .Replace("#", "%23", StringComparison.Ordinal);
        return "file:" + escaped + "?vfs=" + Name;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Open(Vfs* vfs, byte* name, SqliteFile* file, int flags, int* outFlags)
    {
        var platform = (Vfs*)vfs->AppData;
        if ((flags & OpenWal) == 0)
        {
            // Not a WAL: the platform's own file in place, called by SQLite directly (no forwarding cost).
            return platform->Open(platform, name, file, flags, outFlags);
        }

        var wal = (WalFile*)file;
        *wal = default;
        var inner = (SqliteFile*)(wal + 1);
        inner->Methods = null;
        var rc = platform->Open(platform, name, inner, flags, outFlags);
        // A platform file that set its methods must be closed even when its open failed (SQLite's rule):
        // ours close it.
        wal->Base.Methods = inner->Methods is null ? null : walMethods;
        wal->Inner = inner;
        return rc;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Write(SqliteFile* file, byte* data, int amount, long offset)
    {
        var wal = (WalFile*)file;
        var end = wal->Start + wal->Length;
        if (wal->Length > 0 && (offset < wal->Start || offset > end || offset + amount > wal->Start + BufferCapacity))
        {
            var flushed = Flush(wal);
            if (flushed != SqliteOk)
                return flushed;
        }

        if (amount > BufferCapacity)
            return wal->Inner->Methods->Write(wal->Inner, data, amount, offset);
        if (wal->Buffer is null && !TryAllocateBuffer(wal))
            return SqliteNoMem;

        if (wal->Length == 0)
            wal->Start = offset;
        var at = (int)(offset - wal->Start);
        Buffer.MemoryCopy(data, wal->Buffer + at, BufferCapacity - at, amount);
        wal->Length = Math.Max(wal->Length, at + amount);

        if (amount == FrameHeaderSize)
        {
            // Bytes 4-7 of a frame header: the database size after the commit, in a commit frame only.
            // Its header goes out at once, as the transaction's last write may be that header alone: when
            // SQLite rewrote a page in place it re-checksums the transaction's frames after the commit
            // frame, rewriting their headers and nothing else.
            var commit = (data[4] | data[5] | data[6] | data[7]) != 0;
            wal->CommitFrameStarted = commit ? 1 : 0;
            return commit ? Flush(wal) : SqliteOk;
        }

        if (wal->CommitFrameStarted == 0)
            return SqliteOk;
        // The commit frame's page: the commit is complete.
        wal->CommitFrameStarted = 0;
        return Flush(wal);
    }

    /// <summary>No exception may leave a method SQLite calls (it would end the process): out of memory is SQLite's NOMEM.</summary>
    private static bool TryAllocateBuffer(WalFile* wal)
    {
        try
        {
            wal->Buffer = (byte*)NativeMemory.Alloc(BufferCapacity);
            return true;
        }
        catch (OutOfMemoryException)
        {
            return false;
        }
    }

    private static int Flush(WalFile* wal)
    {
        if (wal->Length == 0)
            return SqliteOk;
        var rc = SqliteOk;
        for (var at = 0; at < wal->Length && rc == SqliteOk; at += MaxWrite)
            rc = wal->Inner->Methods->Write(wal->Inner, wal->Buffer + at, Math.Min(MaxWrite, wal->Length - at), wal->Start + at);
        // A failed write keeps nothing buffered: SQLite sees the error and rolls the transaction back,
        // and frames it writes again go through a fresh buffer.
        wal->Length = 0;
        return rc;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Close(SqliteFile* file)
    {
        var wal = (WalFile*)file;
        var flushed = Flush(wal);
        var closed = wal->Inner->Methods->Close(wal->Inner);
        NativeMemory.Free(wal->Buffer);
        wal->Buffer = null;
        return flushed != SqliteOk ? flushed : closed;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Read(SqliteFile* file, byte* data, int amount, long offset)
    {
        var wal = (WalFile*)file;
        var flushed = Flush(wal);
        return flushed != SqliteOk ? flushed : wal->Inner->Methods->Read(wal->Inner, data, amount, offset);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Truncate(SqliteFile* file, long size)
    {
        var wal = (WalFile*)file;
        var flushed = Flush(wal);
        return flushed != SqliteOk ? flushed : wal->Inner->Methods->Truncate(wal->Inner, size);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Sync(SqliteFile* file, int flags)
    {
        var wal = (WalFile*)file;
        var flushed = Flush(wal);
        return flushed != SqliteOk ? flushed : wal->Inner->Methods->Sync(wal->Inner, flags);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int FileSize(SqliteFile* file, long* size)
    {
        var wal = (WalFile*)file;
        var flushed = Flush(wal);
        return flushed != SqliteOk ? flushed : wal->Inner->Methods->FileSize(wal->Inner, size);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int FileControl(SqliteFile* file, int op, void* argument)
    {
        var wal = (WalFile*)file;
        var flushed = Flush(wal);
        return flushed != SqliteOk ? flushed : wal->Inner->Methods->FileControl(wal->Inner, op, argument);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Fetch(SqliteFile* file, long offset, int amount, void** page)
    {
        var wal = (WalFile*)file;
        var flushed = Flush(wal);
        if (flushed != SqliteOk)
            return flushed;
        var fetch = wal->Inner->Methods->Fetch;
        if (wal->Inner->Methods->Version < 3 || fetch is null)
        {
            *page = null;
            return SqliteOk;
        }

        return fetch(wal->Inner, offset, amount, page);
    }

    // The rest pass straight through: the WAL takes no file locks and has no shared memory of its own
    // (both belong to the database file), but SQLite's contract has every method answer.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int LockFile(SqliteFile* file, int level) => Inner(file)->Methods->Lock(Inner(file), level);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int UnlockFile(SqliteFile* file, int level) => Inner(file)->Methods->Unlock(Inner(file), level);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int CheckReservedLock(SqliteFile* file, int* result) => Inner(file)->Methods->CheckReservedLock(Inner(file), result);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SectorSize(SqliteFile* file) => Inner(file)->Methods->SectorSize(Inner(file));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int DeviceCharacteristics(SqliteFile* file) => Inner(file)->Methods->DeviceCharacteristics(Inner(file));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int ShmMap(SqliteFile* file, int region, int size, int extend, void** address) =>
        Inner(file)->Methods->ShmMap(Inner(file), region, size, extend, address);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int ShmLock(SqliteFile* file, int offset, int count, int flags) =>
        Inner(file)->Methods->ShmLock(Inner(file), offset, count, flags);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ShmBarrier(SqliteFile* file) => Inner(file)->Methods->ShmBarrier(Inner(file));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int ShmUnmap(SqliteFile* file, int delete) => Inner(file)->Methods->ShmUnmap(Inner(file), delete);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Unfetch(SqliteFile* file, long offset, void* page)
    {
        var inner = Inner(file);
        return inner->Methods->Version < 3 || inner->Methods->Unfetch is null ? SqliteOk : inner->Methods->Unfetch(inner, offset, page);
    }

    private static SqliteFile* Inner(SqliteFile* file) => ((WalFile*)file)->Inner;

    /// <summary>sqlite3_file: SQLite reads only its first field; the rest is the VFS's own.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct SqliteFile
    {
        public IoMethods* Methods;
    }

    /// <summary>A WAL opened through this VFS; the platform's file follows it in the same allocation.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct WalFile
    {
        public SqliteFile Base;
        public SqliteFile* Inner;
        public byte* Buffer;
        public long Start;
        public int Length;
        public int CommitFrameStarted;
    }

    /// <summary>sqlite3_io_methods, version 3.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct IoMethods
    {
        public int Version;
        public delegate* unmanaged[Cdecl]<SqliteFile*, int> Close;
        public delegate* unmanaged[Cdecl]<SqliteFile*, byte*, int, long, int> Read;
        public delegate* unmanaged[Cdecl]<SqliteFile*, byte*, int, long, int> Write;
        public delegate* unmanaged[Cdecl]<SqliteFile*, long, int> Truncate;
        public delegate* unmanaged[Cdecl]<SqliteFile*, int, int> Sync;
        public delegate* unmanaged[Cdecl]<SqliteFile*, long*, int> FileSize;
        public delegate* unmanaged[Cdecl]<SqliteFile*, int, int> Lock;
        public delegate* unmanaged[Cdecl]<SqliteFile*, int, int> Unlock;
        public delegate* unmanaged[Cdecl]<SqliteFile*, int*, int> CheckReservedLock;
        public delegate* unmanaged[Cdecl]<SqliteFile*, int, void*, int> FileControl;
        public delegate* unmanaged[Cdecl]<SqliteFile*, int> SectorSize;
        public delegate* unmanaged[Cdecl]<SqliteFile*, int> DeviceCharacteristics;
        public delegate* unmanaged[Cdecl]<SqliteFile*, int, int, int, void**, int> ShmMap;
        public delegate* unmanaged[Cdecl]<SqliteFile*, int, int, int, int> ShmLock;
        public delegate* unmanaged[Cdecl]<SqliteFile*, void> ShmBarrier;
        public delegate* unmanaged[Cdecl]<SqliteFile*, int, int> ShmUnmap;
        public delegate* unmanaged[Cdecl]<SqliteFile*, long, int, void**, int> Fetch;
        public delegate* unmanaged[Cdecl]<SqliteFile*, long, void*, int> Unfetch;
    }

    /// <summary>sqlite3_vfs, version 3; only the fields this class sets are typed.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Vfs
    {
        public int Version;
        public int OsFileSize;
        public int MaxPathname;
        public Vfs* Next;
        public byte* Name;
        public void* AppData;
        public delegate* unmanaged[Cdecl]<Vfs*, byte*, SqliteFile*, int, int*, int> Open;
        public nint Delete, Access, FullPathname, DlOpen, DlError, DlSym, DlClose, Randomness, Sleep, CurrentTime,
            GetLastError, CurrentTimeInt64, SetSystemCall, GetSystemCall, NextSystemCall;
    }

    private static partial class NativeMethods
    {
        // The library Microsoft.Data.Sqlite's SQLitePCLRaw bundle loads (the same handle: one SQLite per process).
        [LibraryImport("e_sqlite3")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        public static partial Vfs* sqlite3_vfs_find(byte* name);

        [LibraryImport("e_sqlite3")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        public static partial int sqlite3_vfs_register(Vfs* vfs, int makeDefault);
    }
}
