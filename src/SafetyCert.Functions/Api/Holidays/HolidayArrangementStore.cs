using System.Globalization;
using Azure.Data.Tables;
using SafetyCert.Domain.Calendar;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Api.Enterprises;

namespace SafetyCert.Functions.Api.Holidays;

/// <summary>
/// The published holiday arrangements in table <c>{prefix}holidayarrangements</c>: PartitionKey = year, RowKey = date
/// (yyyy-MM-dd), one row per arranged day. A year is replaced whole in one transaction, so a reader sees the old
/// arrangement or the new, never a mix.
/// </summary>
internal sealed class HolidayArrangementStore(StorageAccount storage)
{
    public const string TableName = "holidayarrangements";

    /// <summary>Replaces a year's rows with <paramref name="days"/> (at most 99, one transaction with the deletes).</summary>
    public async Task SaveAsync(int year, IReadOnlyList<ArrangedDay> days, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        var partition = Year(year);
        var keep = days.Select(d => EnterpriseRegistry.Date(d.Date)!).ToHashSet(StringComparer.Ordinal);
        var actions = new List<TableTransactionAction>();
        await foreach (var row in table.QueryAsync($"PartitionKey eq '{partition}'", cancellationToken: ct).ConfigureAwait(false))
        {
            if (!keep.Contains(row.RowKey))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, row));
            }
        }

        actions.AddRange(days.Select(d => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, EnterpriseRegistry.Date(d.Date))
        {
            ["Kind"] = d.Kind.ToString(),
            ["Name"] = d.Name,
        })));
        if (actions.Count > 100)
        {
            // More than one transaction holds: write the new rows first, then remove the stale ones.
            await table.SubmitAsync([.. actions.Where(a => a.ActionType != TableTransactionActionType.Delete)], ct).ConfigureAwait(false);
            await table.SubmitAsync([.. actions.Where(a => a.ActionType == TableTransactionActionType.Delete)], ct).ConfigureAwait(false);
        }
        else
        {
            await table.SubmitAsync(actions, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Every stored year with its rows: a scan of the (small) table, done once at start.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<ArrangedDay>>> LoadAllAsync(CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        var years = new SortedDictionary<int, List<ArrangedDay>>();
        await foreach (var row in table.QueryAsync("PartitionKey ne ''", cancellationToken: ct).ConfigureAwait(false))
        {
            var year = int.Parse(row.PartitionKey, CultureInfo.InvariantCulture);
            if (!years.TryGetValue(year, out var days))
            {
                years[year] = days = [];
            }

            days.Add(FromEntity(row));
        }

        return years.ToDictionary(y => y.Key, y => (IReadOnlyList<ArrangedDay>)y.Value);
    }

    /// <summary>One stored year's rows, empty when the year was never stored.</summary>
    public async Task<IReadOnlyList<ArrangedDay>> GetAsync(int year, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        var days = new List<ArrangedDay>();
        await foreach (var row in table.QueryAsync($"PartitionKey eq '{Year(year)}'", cancellationToken: ct).ConfigureAwait(false))
        {
            days.Add(FromEntity(row));
        }

        return days;
    }

    /// <summary>The embedded calendar with every stored year laid over it (a stored year replaces the embedded one).</summary>
    public async Task<WorkingDayCalendar> CalendarAsync(WorkingDayCalendar embedded, CancellationToken ct)
    {
        var calendar = embedded;
        foreach (var (year, days) in await LoadAllAsync(ct).ConfigureAwait(false))
        {
            calendar = calendar.WithArrangement(year, days);
        }

        return calendar;
    }

    /// <summary>
    /// The embedded calendar with the stored years laid over it, read once while the host is composed (before any
    /// workflow is built, so this one synchronous read is the price of workflows that hold their calendar).
    /// </summary>
    public static WorkingDayCalendar LoadCalendar(IConfiguration configuration, WorkingDayCalendar embedded)
    {
        using var provider = new ServiceCollection().AddLogging().AddSafetyCertStorage(configuration).BuildServiceProvider();
        var store = new HolidayArrangementStore(provider.GetRequiredService<StorageAccount>());
        return store.CalendarAsync(embedded, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static ArrangedDay FromEntity(TableEntity row) =>
        new(EnterpriseRegistry.ParseDate(row.RowKey)!.Value, Enum.Parse<DayKind>(row.GetString("Kind") ?? nameof(DayKind.Off)), row.GetString("Name") ?? "");
}
