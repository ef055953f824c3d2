using System.Security.Cryptography;
using System.Text;
using SafetyCert.Functions.Storage;

namespace SafetyCert.Functions.Workflows;

/// <summary>Event ids the engine makes itself; the same inputs always give the same id, so re-runs collapse.</summary>
internal static class EventIds
{
    /// <summary>The id of an event one instance sends another: source instance, history sequence, effect index.</summary>
    public static string Derived(string kind, string instanceId, long sequence, int effectIndex) =>
        Bounded($"wf|{kind}|{instanceId}|{sequence}|{effectIndex}");

    /// <summary>The id of a timer's firing: its id and the token of the state that set it.</summary>
    public static string Timer(string timerId, string token) => Bounded($"timer|{timerId}|{token}");

    private static string Bounded(string id) =>
        id.Length <= TableKey.MaxPartLength ? id : "sha256|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
