using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Sampling;

namespace SafetyCert.Domain.Tests.Sampling;

public class SpotCheckDrawTests
{
    // RULES.md §9, seed 004 §8: the shares of the national profile's SpotCheckPercent (level 1 is not spot-checked).
    private static readonly Sourced<ImmutableSortedDictionary<Grade, int>> NationalPercents = new(
        ImmutableSortedDictionary.CreateRange(
        [
            KeyValuePair.Create(Grade.Level1, 0),
            KeyValuePair.Create(Grade.Level2, 30),
            KeyValuePair.Create(Grade.Level3, 20),
            KeyValuePair.Create(Grade.SmallMicro, 10),
        ]),
        "convention: 004 §8");

    private static Sourced<ImmutableSortedDictionary<Grade, int>> Percents(Grade grade, int percent) =>
        new(ImmutableSortedDictionary.CreateRange([KeyValuePair.Create(grade, percent)]), "test");

    private static List<NewCertificate> Certificates(Grade grade, int count, int year = 2026) =>
        [.. Enumerable.Range(1, count).Select(i => new NewCertificate($"{grade}-{i:D4}", grade, new LocalDate(year, 1 + (i % 12), 1 + (i % 28))))];

    // RULES.md §9, seed 004 §8 "不少于 30%、20%、10%": at least the share, so the size is rounded up.
    [Theory]
    [InlineData(7, 30, 3)]
    [InlineData(0, 30, 0)]
    [InlineData(1, 10, 1)]
    [InlineData(10, 30, 3)]
    [InlineData(11, 20, 3)]
    [InlineData(10, 20, 2)]
    [InlineData(100, 10, 10)]
    [InlineData(101, 10, 11)]
    [InlineData(9, 0, 0)]
    [InlineData(4, 100, 4)]
    public void SampleSize_is_the_share_rounded_up(int population, int percent, int expected)
    {
        Assert.Equal(expected, SpotCheckDraw.SampleSize(population, percent));
    }

    // RULES.md §9, seed 004 §8, 003 §4(2): per grade, a sample of the rounded-up size, without duplicates,
    // taken from that grade's certificates only.
    [Theory]
    [InlineData(Grade.Level2, 7, 3)]
    [InlineData(Grade.Level2, 1, 1)]
    [InlineData(Grade.Level2, 0, 0)]
    [InlineData(Grade.Level3, 12, 3)]
    [InlineData(Grade.SmallMicro, 1, 1)]
    [InlineData(Grade.SmallMicro, 95, 10)]
    [InlineData(Grade.Level1, 4, 0)]
    public void Draw_takes_the_profile_share_of_each_grade_without_duplicates(Grade grade, int population, int expected)
    {
        var certificates = Certificates(grade, population).Concat(Certificates(grade == Grade.Level3 ? Grade.Level2 : Grade.Level3, 9)).ToList();

        var sample = SpotCheckDraw.Draw(2026, certificates, NationalPercents, 11).For(grade);

        Assert.Equal(population, sample.Population);
        Assert.Equal(NationalPercents.Value[grade], sample.Percent);
        Assert.Equal(expected, sample.SampleSize);
        Assert.Equal(expected, sample.ChosenCertificateIds.Length);
        Assert.Equal(expected, sample.ChosenCertificateIds.Distinct().Count());
        Assert.All(sample.ChosenCertificateIds, id => Assert.Contains(certificates, c => c.CertificateId == id && c.Grade == grade));
        Assert.Equal(sample.ChosenCertificateIds.Order(StringComparer.Ordinal), sample.ChosenCertificateIds);
    }

    [Fact]
    public void Draw_records_year_seed_source_and_one_sample_per_profile_grade()
    {
        var result = SpotCheckDraw.Draw(2026, Certificates(Grade.Level2, 5), NationalPercents, 77);

        Assert.Equal(2026, result.Year);
        Assert.Equal(77UL, result.Seed);
        Assert.Equal(NationalPercents.Source, result.PercentSource);
        Assert.Equal([Grade.Level1, Grade.Level2, Grade.Level3, Grade.SmallMicro], result.Samples.Select(s => s.Grade));
    }

    // RULES.md §9, seed 003 §4(2): random, yet replayable from the recorded seed.
    [Theory]
    [InlineData(0UL)]
    [InlineData(12345UL)]
    [InlineData(ulong.MaxValue)]
    public void Draw_with_the_same_seed_chooses_the_same_certificates(ulong seed)
    {
        var certificates = Certificates(Grade.Level2, 40).Concat(Certificates(Grade.SmallMicro, 33)).ToList();

        var first = SpotCheckDraw.Draw(2026, certificates, NationalPercents, seed);
        var again = SpotCheckDraw.Draw(2026, certificates, NationalPercents, seed);

        Assert.Equal(first.Samples.Select(s => s.ChosenCertificateIds), again.Samples.Select(s => s.ChosenCertificateIds));
    }

    [Fact]
    public void Draw_does_not_depend_on_the_order_certificates_arrive_in()
    {
        var certificates = Certificates(Grade.Level2, 40).Concat(Certificates(Grade.Level3, 25)).ToList();
        var shuffled = certificates.Select((c, i) => (c, i)).OrderBy(x => SplitMix64.Mix((ulong)x.i)).Select(x => x.c).ToList();
        Assert.NotEqual(certificates, shuffled);

        var inOrder = SpotCheckDraw.Draw(2026, certificates, NationalPercents, 5);
        var outOfOrder = SpotCheckDraw.Draw(2026, shuffled, NationalPercents, 5);

        Assert.Equal(inOrder.Samples.Select(s => s.ChosenCertificateIds), outOfOrder.Samples.Select(s => s.ChosenCertificateIds));
    }

    [Fact]
    public void Draw_of_one_grade_is_unchanged_by_another_grades_population()
    {
        var level2 = Certificates(Grade.Level2, 30);

        var alone = SpotCheckDraw.Draw(2026, level2, NationalPercents, 9).For(Grade.Level2);
        var withOthers = SpotCheckDraw.Draw(2026, level2.Concat(Certificates(Grade.Level3, 50)), NationalPercents, 9).For(Grade.Level2);

        Assert.Equal(alone.ChosenCertificateIds, withOthers.ChosenCertificateIds);
    }

    // Seeds 0..2999 over 10 certificates at 30 %: each is chosen 900 times on average; chi-square with
    // 9 degrees of freedom exceeds 27.9 with probability 0.001, so 40 is a generous bound.
    [Fact]
    public void Draw_over_many_seeds_gives_every_certificate_the_same_chance()
    {
        var certificates = Certificates(Grade.Level2, 10);
        var counts = certificates.ToDictionary(c => c.CertificateId, _ => 0, StringComparer.Ordinal);

        for (ulong seed = 0; seed < 3000; seed++)
        {
            foreach (var id in SpotCheckDraw.Draw(2026, certificates, NationalPercents, seed).For(Grade.Level2).ChosenCertificateIds)
            {
                counts[id]++;
            }
        }

        Assert.Equal(9000, counts.Values.Sum());
        Assert.InRange(Statistics.ChiSquare(counts.Values), 0, 40);
    }

    [Fact]
    public void Draw_rejects_a_certificate_listed_twice_naming_it()
    {
        var certificates = Certificates(Grade.Level2, 3);
        certificates.Add(certificates[1]);

        var error = Assert.Throws<ArgumentException>(() => SpotCheckDraw.Draw(2026, certificates, NationalPercents, 1));

        Assert.Contains(certificates[1].CertificateId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Draw_rejects_a_certificate_of_another_year()
    {
        var certificates = Certificates(Grade.Level2, 3);
        certificates.Add(new NewCertificate("OLD-1", Grade.Level2, new LocalDate(2025, 12, 31)));

        var error = Assert.Throws<ArgumentException>(() => SpotCheckDraw.Draw(2026, certificates, NationalPercents, 1));

        Assert.Contains("OLD-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Draw_rejects_a_grade_without_a_percent()
    {
        var error = Assert.Throws<ArgumentException>(() => SpotCheckDraw.Draw(2026, Certificates(Grade.Level3, 2), Percents(Grade.Level2, 30), 1));

        Assert.Contains("Level3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Draw_rejects_a_percent_outside_0_to_100(int percent)
    {
        var error = Assert.Throws<ArgumentException>(() => SpotCheckDraw.Draw(2026, Certificates(Grade.Level2, 2), Percents(Grade.Level2, percent), 1));

        Assert.Contains(percent.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }
}
