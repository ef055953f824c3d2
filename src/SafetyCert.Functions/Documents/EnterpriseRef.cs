namespace SafetyCert.Functions.Documents;

/// <summary>What access checks need to know of an enterprise: its id and the GB/T 2260 region it is registered in.</summary>
public sealed record EnterpriseRef(string Id, string RegionCode);
