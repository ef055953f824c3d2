using System.Collections.Immutable;

namespace SafetyCert.Domain.Workflows;

/// <summary>Builds the ordinal-keyed facts of a <see cref="Notify"/>, so the same facts always compare and serialize alike.</summary>
internal static class NoticeFacts
{
    public static ImmutableSortedDictionary<string, string> Of(params (string Key, string Value)[] facts) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, facts.Select(f => KeyValuePair.Create(f.Key, f.Value)));
}
