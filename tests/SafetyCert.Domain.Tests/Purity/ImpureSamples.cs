using System.Globalization;

namespace SafetyCert.Domain.Tests.Purity;

/// <summary>Code the scanner must flag, so that a passing purity test means something.</summary>
internal static class ImpureSamples
{
    public static string ReadsTheClock() => DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    public static Func<Guid> MakesAnIdInALambda() => () => Guid.NewGuid();

    public static int DrawsFromSystemRandom() => new Random(3).Next();

    public static string OpensAFileByPath(string path)
    {
        using var reader = new StreamReader(path);
        return reader.ReadToEnd();
    }

    public static List<int> CallsWaitInAGenericContext(List<int> values)
    {
        Thread.Sleep(0);
        return values;
    }

    public static string ReadsOwnResource()
    {
        using var stream = typeof(ImpureSamples).Assembly.GetManifestResourceStream("SafetyCert.Domain.Tests.Calendar.cn-holidays.csv")!;
        using var reader = new StreamReader(stream);
        return reader.ReadLine() ?? string.Empty;
    }
}
