namespace SafetyCert.Functions.Documents;

/// <summary>Finds enterprises by id; the enterprise registry answers it.</summary>
public interface IEnterpriseDirectory
{
    /// <summary>The enterprise, or null when no enterprise has that id.</summary>
    Task<EnterpriseRef?> FindAsync(string enterpriseId, CancellationToken cancellationToken);
}
