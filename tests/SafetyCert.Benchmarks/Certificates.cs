using Azure.Data.Tables;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Certificates;

namespace SafetyCert.Benchmarks;

/// <summary>
/// Certificates the benchmark registers: national non-coal-mine profile, licence required (so licence events apply),
/// each of its own enterprise, whose e-mail contact is <c>{id}@bench.local</c>. The regulator has no contact, so its
/// copies of the notices are recorded as undeliverable, not mailed.
/// </summary>
internal static class Certificates
{
    public const string ProfileId = "national-non-coal-mine-2017";

    /// <summary>Business time when the certificates are issued: 2027-01-01 10:00 in Beijing.</summary>
    public static readonly Instant IssuedAt = Instant.FromUtc(2027, 1, 1, 2, 0);

    public static readonly LocalDate IssuedOn = new(2027, 1, 1);

    public static string Enterprise(string id) => $"ent-{id}";

    public static string Address(string id) => $"{id}@bench.local";

    public static CertificateIssued Issued(string id, LocalDate validThrough) =>
        new(id, $"AQBH-{id}", Enterprise(id), "110000", Grade.Level2, ProfileId, IssuedOn, validThrough, LicenceRequired: true);

    /// <summary>
    /// Writes the enterprises' e-mail contacts as the contact book stores them (PartitionKey <c>enterprise:{id}</c>, one row
    /// per channel keyed <c>{order:D2}-{channel}</c>); the book itself is internal to the function app.
    /// </summary>
    public static Task AddContactsAsync(string connectionString, string prefix, IEnumerable<string> ids)
    {
        var contacts = new TableServiceClient(connectionString).GetTableClient($"{prefix}contacts");
        return Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, ct) =>
            await contacts.UpsertEntityAsync(new TableEntity($"enterprise:{Enterprise(id)}", "00-email")
            {
                ["Channel"] = "Email",
                ["Order"] = 0,
                ["Addresses"] = Address(id),
            }, TableUpdateMode.Replace, ct));
    }

    /// <summary>Starts the certificates, <paramref name="parallelism"/> at a time, each call waiting until its start is recorded.</summary>
    public static Task StartAsync(BenchHost host, IEnumerable<string> ids, LocalDate validThrough, int parallelism) =>
        Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (id, ct) =>
        {
            var result = await host.Workflows.StartAsync(WorkflowKinds.Certificate, id, Issued(id, validThrough), $"issue-{id}", "bench", ct);
            if (result.Outcome != Outcome.Applied)
            {
                throw new InvalidOperationException($"Certificate {id} did not start: {result.Outcome} {result.Reason}");
            }
        });
}
