using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace SafetyCert.Benchmarks;

/// <summary>
/// Counts the Durable client's gRPC calls by method (RaiseEvent, GetInstance, StartInstance…), on the client that
/// <c>WorkflowClient</c>, the activities and the sweep share: how many raises one applied event costs shows the
/// senders' re-raising.
/// </summary>
internal sealed class ClientCalls : Interceptor
{
    private readonly ConcurrentDictionary<string, long> calls = new(StringComparer.Ordinal);

    public long this[string method] => calls.GetValueOrDefault(method);

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(calls, StringComparer.Ordinal);

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        calls.AddOrUpdate(context.Method.Name, 1, (_, n) => n + 1);
        return continuation(request, context);
    }
}
