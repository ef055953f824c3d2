namespace SafetyCert.Functions.Api.Ledger;

/// <summary>The ledger of a region as of a date; <see cref="Truncated"/> says the scan stopped at its bound and the counts are partial.</summary>
internal sealed record LedgerReport(string RegionCode, NodaTime.LocalDate AsOf, IReadOnlyList<LedgerRow> Rows, int Enterprises, bool Truncated);
