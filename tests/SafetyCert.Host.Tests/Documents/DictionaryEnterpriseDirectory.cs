using SafetyCert.Functions.Documents;

namespace SafetyCert.Host.Tests.Documents;

/// <summary>A fixed set of enterprises standing in for the registry.</summary>
public sealed class DictionaryEnterpriseDirectory(params EnterpriseRef[] enterprises) : IEnterpriseDirectory
{
    private readonly Dictionary<string, EnterpriseRef> byId = enterprises.ToDictionary(e => e.Id, StringComparer.Ordinal);

    public Task<EnterpriseRef?> FindAsync(string enterpriseId, CancellationToken cancellationToken) =>
        Task.FromResult(byId.GetValueOrDefault(enterpriseId));
}
