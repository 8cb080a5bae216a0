using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace Aggregator.Http;

/// <summary>Hands Kestrel's transport a <see cref="LargeBlockMemoryPool"/> (the .NET 10 extension point for connection memory).</summary>
internal sealed class LargeBlockMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool();
}
