using NodaTime;
using NodaTime.Text;

namespace SafetyCert.Host.Development;

/// <summary>What only a development host has: the movable clock and its endpoints.</summary>
internal static class DevelopmentExtensions
{
    /// <summary>
    /// Registers one <see cref="DevelopmentClock"/> as <see cref="IClock"/> and <see cref="TimeProvider"/>. Call it
    /// before the modules: they add the system clocks only when none is registered.
    /// </summary>
    public static IServiceCollection AddDevelopmentClock(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DevelopmentClockOptions.Section).Get<DevelopmentClockOptions>() ?? new DevelopmentClockOptions();
        var offset = Duration.Zero;
        if (!string.IsNullOrWhiteSpace(options.Offset))
        {
            var parsed = PeriodPattern.NormalizingIso.Parse(options.Offset);
            if (!parsed.Success)
            {
                throw new InvalidOperationException($"{DevelopmentClockOptions.Section}:Offset is '{options.Offset}', which is not an ISO-8601 period such as P30D.");
            }

            var now = SystemClock.Instance.GetCurrentInstant();
            offset = DevelopmentClockApi.Plus(now, parsed.Value) - now;
        }

        if (!string.IsNullOrWhiteSpace(options.NotBefore))
        {
            var parsed = InstantPattern.ExtendedIso.Parse(options.NotBefore);
            if (!parsed.Success)
            {
                throw new InvalidOperationException($"{DevelopmentClockOptions.Section}:NotBefore is '{options.NotBefore}', which is not a UTC instant such as 2027-03-01T01:00:00Z.");
            }

            var behind = parsed.Value - SystemClock.Instance.GetCurrentInstant();
            offset = behind > offset ? behind : offset;
        }

        DevelopmentClock clock;
        try
        {
            clock = new DevelopmentClock(TimeProvider.System, offset, options.Speed);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidOperationException($"{DevelopmentClockOptions.Section} is not a valid clock: {e.Message}", e);
        }

        services.AddSingleton(clock);
        services.AddSingleton<IClock>(clock);
        services.AddSingleton<TimeProvider>(clock);
        return services;
    }
}
