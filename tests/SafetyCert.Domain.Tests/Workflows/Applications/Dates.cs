using NodaTime;
using NodaTime.Text;

namespace SafetyCert.Domain.Tests.Workflows.Applications;

/// <summary>ISO dates in test tables.</summary>
internal static class Dates
{
    public static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;
}
