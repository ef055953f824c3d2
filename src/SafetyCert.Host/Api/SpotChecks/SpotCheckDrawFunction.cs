using NodaTime;
using SafetyCert.Host.Api.Applications;
using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Api.SpotChecks;

/// <summary>
/// Each 15 January at 09:00 Beijing time: draws the previous year's spot check for every province that issued certificates
/// (RULES.md §9). A province already drawn by its regulator keeps that draw.
/// </summary>
internal sealed partial class SpotCheckDrawFunction(SpotCheckBook book, IClock clock, ILogger<SpotCheckDrawFunction> logger) : ITimerFunction
{
    public string Name => "SpotCheckDraw";

    public string Schedule => "0 0 9 15 1 *";

    public async Task RunAsync(TimerInfo info, CancellationToken cancellationToken)
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
