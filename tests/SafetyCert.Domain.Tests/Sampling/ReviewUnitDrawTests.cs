using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Sampling;

namespace SafetyCert.Domain.Tests.Sampling;

public class ReviewUnitDrawTests
{
    private static readonly LocalDate DrawDate = new(2026, 5, 11);

    private static readonly ReviewDrawApplication Application =
        new("APP-2026-0042", "ENT-7", Grade.Level2, "non-coal-mine", CycleStart: new LocalDate(2025, 3, 1));

    private static ReviewUnitCandidate Unit(
        string id,
        Grade[]? grades = null,
        string[]? industries = null,
        LocalDate? accreditedThrough = null,
        params ConsultingEngagement[] consulting) =>
        new(
            id,
            $"评审单位 {id}",
            [.. grades ?? [Grade.Level2, Grade.Level3]],
            [.. industries ?? ["non-coal-mine", "chemicals"]],
            accreditedThrough ?? new LocalDate(2027, 12, 31),
            [.. consulting]);

    private static ReviewUnitCandidate[] FiveEligibleUnits() =>
        [Unit("U-05"), Unit("U-01"), Unit("U-04"), Unit("U-02"), Unit("U-03")];

    // RULES.md §4.2, seed 000 §3(2)1, §3(3): the eligible list is canonical, so input order does not matter.
    [Fact]
    public void Draw_orders_snapshot_and_eligible_list_by_unit_id_whatever_the_input_order()
    {
        var units = FiveEligibleUnits();

        var forward = ReviewUnitDraw.Draw(Application, units, 7, DrawDate);
        var backward = ReviewUnitDraw.Draw(Application, units.Reverse(), 7, DrawDate);

        Assert.Equal(["U-01", "U-02", "U-03", "U-04", "U-05"], forward.Eligible);
        Assert.Equal(forward.Candidates.Select(c => c.UnitId), forward.Eligible);
        Assert.Equal(forward.Eligible, backward.Eligible);
        Assert.Equal(forward.Candidates, backward.Candidates);
        Assert.Equal(forward.ChosenUnitId, backward.ChosenUnitId);
    }

    // RULES.md §4.2: a draw is replayable from its recorded seed.
    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(0xDEADBEEFUL)]
    [InlineData(ulong.MaxValue)]
    public void Draw_with_the_same_inputs_and_seed_gives_the_same_result(ulong seed)
    {
        var first = ReviewUnitDraw.Draw(Application, FiveEligibleUnits(), seed, DrawDate);
        var again = ReviewUnitDraw.Draw(Application, FiveEligibleUnits(), seed, DrawDate);

        Assert.Equal(seed, first.Seed);
        Assert.Equal(first.ChosenUnitId, again.ChosenUnitId);
        Assert.Equal(first.Eligible, again.Eligible);
        Assert.Equal(first.Exclusions, again.Exclusions);
        Assert.Equal(Application, first.Application);
        Assert.Equal(DrawDate, first.Date);
    }

    // RULES.md §4.2, seed 000 §3(2)1 "at random": seeds 0..4999 over 5 eligible units; chi-square with
    // 4 degrees of freedom exceeds 18.5 with probability 0.001, so 25 is a generous bound.
    [Fact]
    public void Draw_over_many_seeds_spreads_over_every_eligible_unit()
    {
        var units = FiveEligibleUnits();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);

        for (ulong seed = 0; seed < 5000; seed++)
        {
            var chosen = ReviewUnitDraw.Draw(Application, units, seed, DrawDate).ChosenUnitId!;
            counts[chosen] = counts.GetValueOrDefault(chosen) + 1;
        }

        Assert.Equal(5, counts.Count);
        Assert.InRange(Statistics.ChiSquare(counts.Values), 0, 25);
    }

    // RULES.md §4.2, seed 001 art.20(4), 004 §3: consulting by the unit or its experts in the current cycle
    // excludes; consulting that ended before the cycle, or for another enterprise, does not.
    [Theory]
    [InlineData("ENT-7", null, "2025-06-01", "2025-12-31", true)]
    [InlineData("ENT-7", "EXP-3", "2025-06-01", "2025-12-31", true)]
    [InlineData("ENT-7", null, "2024-01-01", null, true)]
    [InlineData("ENT-7", "EXP-3", "2024-01-01", "2025-03-01", true)]
    [InlineData("ENT-7", null, "2024-01-01", "2025-02-28", false)]
    [InlineData("ENT-8", null, "2025-06-01", "2025-12-31", false)]
    [InlineData("ENT-7", null, "2026-05-12", null, false)]
    public void Draw_excludes_a_unit_that_consulted_for_the_enterprise_in_the_current_cycle(
        string enterpriseId, string? expertId, string from, string? until, bool excluded)
    {
        var engagement = new ConsultingEngagement(enterpriseId, Day(from), until is null ? null : Day(until), expertId);
        var units = new[] { Unit("U-01", consulting: engagement), Unit("U-02") };

        var result = ReviewUnitDraw.Draw(Application, units, 3, DrawDate);

        Assert.Equal(excluded, result.Exclusions.Any(e => e.UnitId == "U-01" && e.Reason == ReviewUnitExclusionReason.ConsultingConflict));
        Assert.Equal(!excluded, result.Eligible.Contains("U-01"));
        if (excluded)
        {
            var reason = result.Exclusions.Single(e => e.UnitId == "U-01");
            Assert.Equal("001 art.20(4); 004 §3", reason.Source);
            Assert.Contains("ENT-7", reason.Text, StringComparison.Ordinal);
            if (expertId is not null)
            {
                Assert.Contains(expertId, reason.Text, StringComparison.Ordinal);
            }
        }
    }

    // RULES.md §8, seed 004 §5: a lapsed unit gets no new assignments; the last accredited day still counts.
    [Theory]
    [InlineData("2026-05-10", true)]
    [InlineData("2026-05-11", false)]
    [InlineData("2028-01-01", false)]
    public void Draw_excludes_a_unit_whose_accreditation_lapsed_before_the_draw_date(string accreditedThrough, bool excluded)
    {
        var units = new[] { Unit("U-01", accreditedThrough: Day(accreditedThrough)), Unit("U-02") };

        var result = ReviewUnitDraw.Draw(Application, units, 3, DrawDate);

        var lapsed = result.Exclusions.Where(e => e.Reason == ReviewUnitExclusionReason.AccreditationLapsed).ToList();
        Assert.Equal(excluded, lapsed.Any(e => e.UnitId == "U-01"));
        Assert.All(lapsed, e => Assert.Contains(accreditedThrough, e.Text, StringComparison.Ordinal));
    }

    // RULES.md §8, seed 000 §3(1): units are approved for levels and specialties.
    [Fact]
    public void Draw_excludes_units_not_approved_for_the_grade_or_the_industry()
    {
        var units = new[]
        {
            Unit("U-01", grades: [Grade.Level3]),
            Unit("U-02", industries: ["chemicals"]),
            Unit("U-03"),
        };

        var result = ReviewUnitDraw.Draw(Application, units, 3, DrawDate);

        Assert.Collection(
            result.Exclusions,
            e => Assert.Equal(("U-01", ReviewUnitExclusionReason.GradeNotApproved, "000 §3(1)"), (e.UnitId, e.Reason, e.Source)),
            e => Assert.Equal(("U-02", ReviewUnitExclusionReason.IndustryNotApproved, "000 §3(1)"), (e.UnitId, e.Reason, e.Source)));
        Assert.Equal(["U-03"], result.Eligible);
        Assert.Equal("U-03", result.ChosenUnitId);
        Assert.False(result.NoEligibleUnit);
    }

    // RULES.md §4.2: every reason is recorded, not only the first.
    [Fact]
    public void Draw_records_every_reason_a_unit_is_excluded_in_reason_order()
    {
        var unit = Unit(
            "U-01",
            grades: [Grade.Level1],
            industries: ["metallurgy"],
            accreditedThrough: new LocalDate(2025, 12, 31),
            new ConsultingEngagement("ENT-7", new LocalDate(2025, 4, 1), null, "EXP-9"));

        var result = ReviewUnitDraw.Draw(Application, [unit], 3, DrawDate);

        Assert.Equal(
            [
                ReviewUnitExclusionReason.ConsultingConflict,
                ReviewUnitExclusionReason.AccreditationLapsed,
                ReviewUnitExclusionReason.GradeNotApproved,
                ReviewUnitExclusionReason.IndustryNotApproved,
            ],
            result.Exclusions.Select(e => e.Reason));
        Assert.All(result.Exclusions, e => Assert.False(string.IsNullOrWhiteSpace(e.Text)));
    }

    // RULES.md §4.2: with nobody eligible the draw says so and keeps every exclusion.
    [Fact]
    public void Draw_with_every_unit_excluded_reports_no_eligible_unit()
    {
        var units = new[]
        {
            Unit("U-02", accreditedThrough: new LocalDate(2026, 1, 1)),
            Unit("U-01", consulting: new ConsultingEngagement("ENT-7", new LocalDate(2025, 9, 1), new LocalDate(2025, 10, 1))),
        };

        var result = ReviewUnitDraw.Draw(Application, units, 3, DrawDate);

        Assert.True(result.NoEligibleUnit);
        Assert.Null(result.ChosenUnitId);
        Assert.Empty(result.Eligible);
        Assert.Equal(["U-01", "U-02"], result.Exclusions.Select(e => e.UnitId));
        Assert.Equal(2, result.Candidates.Length);
    }

    [Fact]
    public void Draw_with_no_candidates_reports_no_eligible_unit()
    {
        var result = ReviewUnitDraw.Draw(Application, [], 3, DrawDate);

        Assert.True(result.NoEligibleUnit);
        Assert.Empty(result.Exclusions);
    }

    // The chosen unit is always one of the eligible ones, whichever the seed.
    [Fact]
    public void Draw_never_chooses_an_excluded_unit()
    {
        var units = new[]
        {
            Unit("U-01"),
            Unit("U-02", grades: [Grade.Level1]),
            Unit("U-03"),
            Unit("U-04", accreditedThrough: new LocalDate(2026, 5, 10)),
        };

        for (ulong seed = 0; seed < 500; seed++)
        {
            var result = ReviewUnitDraw.Draw(Application, units, seed, DrawDate);
            Assert.Contains(result.ChosenUnitId!, result.Eligible);
            Assert.DoesNotContain(result.Exclusions, e => e.UnitId == result.ChosenUnitId);
        }
    }

    [Fact]
    public void Draw_rejects_a_unit_listed_twice_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => ReviewUnitDraw.Draw(Application, [Unit("U-01"), Unit("U-02"), Unit("U-01")], 3, DrawDate));

        Assert.Contains("U-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Draw_rejects_a_cycle_that_starts_after_the_draw_date()
    {
        var late = Application with { CycleStart = DrawDate.PlusDays(1) };

        var error = Assert.Throws<ArgumentException>(() => ReviewUnitDraw.Draw(late, [Unit("U-01")], 3, DrawDate));

        Assert.Contains("2026-05-12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Draw_rejects_consulting_that_ends_before_it_starts()
    {
        var unit = Unit("U-01", consulting: new ConsultingEngagement("ENT-1", new LocalDate(2025, 5, 1), new LocalDate(2025, 4, 1)));

        var error = Assert.Throws<ArgumentException>(() => ReviewUnitDraw.Draw(Application, [unit], 3, DrawDate));

        Assert.Contains("U-01", error.Message, StringComparison.Ordinal);
    }

    private static LocalDate Day(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;
}
