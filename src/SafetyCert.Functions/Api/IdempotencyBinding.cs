using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Storage;

namespace SafetyCert.Functions.Api;

/// <summary>
/// Binds an <c>Idempotency-Key</c> to the caller and the request it first came with, in the table
/// <c>{prefix}idempotencykeys</c> (PartitionKey = SHA-256 of the key, RowKey <c>key</c>; the caller and the request's
/// hash, never the key itself). A retry (same caller, same method, path and body) passes; the same key from another
/// caller or with another request is refused before anything is done, so it can neither replay someone else's result
/// nor swallow a different request. A binding whose request was refused is removed again.
/// </summary>
internal sealed class IdempotencyBinding(StorageAccount storage)
{
    public const int MaxKeyLength = 200;
    private const string TableName = "idempotencykeys";

    /// <summary>The key of a request that changes something, or null: reads need none.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.Headers[IdempotencyKey.Header].ToString() is not { Length: > 0 } key
            ? null
            : key;
    }

    /// <summary>What a key is bound to: the caller and the SHA-256 of method, path, query and body.</summary>
    public static async Task<(string Caller, string Request)> FingerprintAsync(HttpRequest request, Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        request.EnableBuffering();
        // The body may have been read already (to check it): hash it from the start.
        request.Body.Position = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}\n{request.QueryString}\n{request.ContentType}\n"));
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        var who = Hex(Encoding.UTF8.GetBytes($"{caller.Subject}\n{caller.Role}\n{caller.EnterpriseId}\n{caller.BodyId}\n{caller.RegionCode}\n{caller.Level}"));
        return (who, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>
    /// Binds the key, or checks it against its binding. Returns whether this call made the binding (to release it when the
    /// request is refused) and the problem to answer when the key belongs to another caller or another request.
    /// </summary>
    public async Task<(bool Created, ProblemHttpResult? Problem)> BindAsync(string key, (string Caller, string Request) fingerprint, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        var partition = Hex(Encoding.UTF8.GetBytes(key));
        try
        {
            await table.AddAsync(new TableEntity(partition, "key") { ["Caller"] = fingerprint.Caller, ["Request"] = fingerprint.Request }, ct).ConfigureAwait(false);
            return (true, null);
        }
        catch (StorageConflictException)
        {
            var row = await table.GetAsync(partition, "key", ct).ConfigureAwait(false);
            if (row is null)
            {
                // Released between our add and our read: the request that held it was refused; take it now.
                return await BindAsync(key, fingerprint, ct).ConfigureAwait(false);
            }

            if (row.GetString("Caller") != fingerprint.Caller)
            {
                return (false, ApiProblems.Unprocessable("idempotency-key-reused", "The Idempotency-Key belongs to another caller",
                    $"{IdempotencyKey.Header}: this key was used by another caller; choose a new key for a new request.", Field()));
            }

            return row.GetString("Request") == fingerprint.Request
                ? (false, null)
                : (false, ApiProblems.Unprocessable("idempotency-key-reused", "The Idempotency-Key was used for another request",
                    $"{IdempotencyKey.Header}: this key was used for a different request (method, path or body); a retry must repeat the request exactly, a new request needs a new key.", Field()));
        }
    }

    /// <summary>Removes a binding this request made, when the request was refused: a corrected request may use the key.</summary>
    public async Task ReleaseAsync(string key, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        await table.DeleteAsync(Hex(Encoding.UTF8.GetBytes(key)), "key", default, ct).ConfigureAwait(false);
    }

    private static Dictionary<string, object?> Field() =>
        new() { ["errors"] = new Dictionary<string, string[]> { [IdempotencyKey.Header] = ["The key is bound to another caller or request."] } };

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
