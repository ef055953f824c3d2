using Microsoft.Azure.Functions.Worker;
using NodaTime;
using SafetyCert.Functions.Api.Applications;

namespace SafetyCert.Functions.Api.SpotChecks;

/// <summary>
/// Each 15 January at 09:00 Beijing time: draws the previous year's spot check for every province that issued certificates
/// (RULES.md §9). A province already drawn by its regulator keeps that draw.
/// </summary>
internal sealed partial class SpotCheckDrawFunction(SpotCheckBook book, IClock clock, ILogger<SpotCheckDrawFunction> logger)
{
    /// <summary>The function's name, also the actor recorded on the draws it makes.</summary>
    public const string Name = "SpotCheckDraw";

    // 01:00 UTC on 15 January is 09:00 Beijing time (UTC+8) the same day.
    [Function(Name)]
    public async Task RunAsync([TimerTrigger("0 0 1 15 1 *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var today = ApplicationApi.Today(clock);
        var year = today.Year - 1;
        foreach (var province in await book.ProvincesWithCertificatesAsync(year, cancellationToken))
        {
            try
            {
                var (record, created) = await book.DrawAsync(year, province, today, Name, cancellationToken);
                Drawn(logger, year, province, record.Samples.Sum(s => s.SampleSize), created);
            }
            catch (InvalidOperationException e)
            {
                NotDrawn(logger, year, province, e.Message);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Spot check {Year} of region {Region}: {Chosen} certificates chosen (new draw: {Created}).")]
    private static partial void Drawn(ILogger logger, int year, string region, int chosen, bool created);

    [LoggerMessage(2, LogLevel.Warning, "Spot check {Year} of region {Region} was not drawn: {Reason}")]
    private static partial void NotDrawn(ILogger logger, int year, string region, string reason);
}
