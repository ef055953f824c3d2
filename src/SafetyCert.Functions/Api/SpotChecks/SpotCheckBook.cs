using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using NodaTime;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Regions;
using SafetyCert.Domain.Sampling;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Api.Certificates;
using SafetyCert.Functions.Api.Enterprises;

namespace SafetyCert.Functions.Api.SpotChecks;

/// <summary>
/// The yearly spot-check draws (RULES.md §9 [004 §8], [003 §4(2)]) in table <c>{prefix}spotchecks</c>: PartitionKey = year,
/// RowKey = region code, one row per draw. The row is added, never replaced, so the first draw of a year and region is
/// the draw: a repeat, or two drawing at once, get the stored one back.
/// </summary>
internal sealed class SpotCheckBook(StorageAccount storage, CertificateIndex certificates, ProfileCatalog profiles, INotificationOutbox outbox)
{
    public const string TableName = "spotchecks";
    public const string WorkflowKind = "spot-check";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The stored draw of a year and region, or null when none was made.</summary>
    public async Task<SpotCheckRecord?> GetAsync(int year, string regionCode, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        var row = await table.GetAsync(Year(year), regionCode, ct).ConfigureAwait(false);
        return row is null ? null : FromEntity(row);
    }

    /// <summary>
    /// Draws the year's sample for a region, or returns the stored one (<c>Created</c> false). The population is every
    /// certificate issued in the year in the region: a scan of the certificates table. The percentages are the profile's
    /// for the region; certificates whose industries resolve to different percentages cannot share one draw
    /// (<see cref="InvalidOperationException"/>). Each chosen certificate's enterprise and its regulator are told,
    /// only when the draw is new.
    /// </summary>
    public async Task<(SpotCheckRecord Record, bool Created)> DrawAsync(int year, string regionCode, LocalDate today, string drawnBy, CancellationToken ct)
    {
        if (await GetAsync(year, regionCode, ct).ConfigureAwait(false) is { } existing)
        {
            return (existing, false);
        }

        var population = new List<CertificateRecord>();
        await foreach (var certificate in certificates.ListAsync(ct).ConfigureAwait(false))
        {
            if (certificate.IssuedOn.Year == year && RegionCodes.Covers(regionCode, certificate.RegionCode))
            {
                population.Add(certificate);
            }
        }

        var percents = PercentsFor(year, regionCode, population);
        var seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        var result = SpotCheckDraw.Draw(year, population.Select(c => new NewCertificate(c.CertificateId, c.Grade, c.IssuedOn)), percents, seed);
        var record = new SpotCheckRecord(year, regionCode, seed.ToString(CultureInfo.InvariantCulture), today, drawnBy, result.PercentSource, result.Samples);
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        try
        {
            await table.AddAsync(ToEntity(record), ct).ConfigureAwait(false);
        }
        catch (StorageConflictException)
        {
            // Another caller drew first; theirs is the draw.
            return ((await GetAsync(year, regionCode, ct).ConfigureAwait(false))!, false);
        }

        await NotifyAsync(record, population.ToDictionary(c => c.CertificateId, StringComparer.Ordinal), ct).ConfigureAwait(false);
        return (record, true);
    }

    /// <summary>The regions (provinces) whose certificates were issued in <paramref name="year"/>: a scan of the certificates table.</summary>
    public async Task<IReadOnlyList<string>> ProvincesWithCertificatesAsync(int year, CancellationToken ct)
    {
        var provinces = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var certificate in certificates.ListAsync(ct).ConfigureAwait(false))
        {
            if (certificate.IssuedOn.Year == year)
            {
                provinces.Add(certificate.RegionCode[..2] + "0000");
            }
        }

        return [.. provinces];
    }

    private Sourced<ImmutableSortedDictionary<Domain.Grading.Grade, int>> PercentsFor(int year, string regionCode, List<CertificateRecord> population)
    {
        var endOfYear = new LocalDate(year, 12, 31);
        var industries = population.Select(c => c.Industry).Where(Industries.Known.Contains).Distinct().DefaultIfEmpty(Industries.Known.Order(StringComparer.Ordinal).First());
        var resolved = industries.Select(i => profiles.Resolve(regionCode, i, endOfYear)).DistinctBy(p => string.Join(",", p.SpotCheckPercent.Value)).ToList();
        return resolved.Count == 1
            ? resolved[0].SpotCheckPercent
            : throw new InvalidOperationException(
                $"The certificates of region {regionCode} in {year} fall under profiles with different spot-check percentages ({string.Join(", ", resolved.Select(p => p.Id))}); draw for each narrower region instead.");
    }

    private async Task NotifyAsync(SpotCheckRecord record, Dictionary<string, CertificateRecord> byId, CancellationToken ct)
    {
        var instanceId = $"{record.Year}-{record.RegionCode}";
        // The percentages' source is the profile's, as the draw recorded it; the random choice is Fujian's rule [003 §4(2)].
        var rule = $"RULES.md §9 [{record.PercentSource}], [003 §4(2)]";
        var sequence = 0;
        foreach (var certificate in record.Samples.SelectMany(s => s.ChosenCertificateIds).Select(id => byId[id]))
        {
            var facts = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
            {
                [NoticeFactNames.EnterpriseId] = certificate.EnterpriseId,
                [NoticeFactNames.RegionCode] = certificate.RegionCode,
                [NoticeFactNames.Grade] = certificate.Grade.ToString(),
                [NoticeFactNames.CertificateNumber] = certificate.Number,
                // The regulator told is the one that announced the grade, as access control decides it.
                [NoticeFactNames.RegulatorLevel] = Certificates.CertificateApi.AnnouncingLevel(certificate, profiles).ToString(),
            });
            foreach (var party in new[] { Party.Enterprise, Party.Regulator })
            {
                var notice = new Notify(NoticeKinds.SpotCheckSelected, party, record.DrawnOn, NoticeClass.Mandatory, rule, facts);
                await outbox.EnqueueAsync(new NotificationRequest(WorkflowKind, instanceId, ++sequence, notice), ct).ConfigureAwait(false);
            }
        }
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(SpotCheckRecord r) => new(Year(r.Year), r.RegionCode)
    {
        ["Seed"] = r.Seed,
        ["DrawnOn"] = EnterpriseRegistry.Date(r.DrawnOn),
        ["DrawnBy"] = r.DrawnBy,
        ["PercentSource"] = r.PercentSource,
        ["Samples"] = JsonSerializer.Serialize(r.Samples, Json),
    };

    private static SpotCheckRecord FromEntity(TableEntity row) => new(
        int.Parse(row.PartitionKey, CultureInfo.InvariantCulture),
        row.RowKey,
        row.GetString("Seed") ?? "",
        EnterpriseRegistry.ParseDate(row.GetString("DrawnOn"))!.Value,
        row.GetString("DrawnBy") ?? "",
        row.GetString("PercentSource") ?? "",
        JsonSerializer.Deserialize<ImmutableArray<SpotCheckSample>>(row.GetString("Samples") ?? "[]", Json));
}
