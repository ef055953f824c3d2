namespace SafetyCert.Functions.Api.Ledger;

/// <summary>One group of the ledger: the enterprises of a region, grade (<c>none</c> without one) and industry, counted by class.</summary>
internal sealed record LedgerRow(string RegionCode, string Grade, string Industry, int Certified, int NotCertified, int New);
