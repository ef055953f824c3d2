using SafetyCert.Domain.Sampling;

namespace SafetyCert.Domain.Tests.Sampling;

public class SplitMix64Tests
{
    // The published SplitMix64 test vector for seed 1234567 (the reference splitmix64.c run from that seed,
    // also listed by Rosetta Code "Pseudo-random numbers/Splitmix64"); a recorded seed must replay forever.
    [Fact]
    public void NextUInt64_seed_1234567_gives_the_published_reference_sequence()
    {
        var random = new SplitMix64(1234567);

        ulong[] drawn = [.. Enumerable.Range(0, 5).Select(_ => random.NextUInt64())];

        Assert.Equal(
            [6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL, 4593380528125082431UL, 16408922859458223821UL],
            drawn);
    }

    // Reference splitmix64.c from state 0: the first output is the mix of the golden-ratio increment itself.
    [Fact]
    public void NextUInt64_seed_0_starts_with_the_reference_value()
    {
        var random = new SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
    }

    [Fact]
    public void NextUInt64_is_the_mix_of_the_advanced_counter()
    {
        const ulong seed = 42;
        var random = new SplitMix64(seed);

        Assert.Equal(SplitMix64.Mix(unchecked(seed + 0x9E3779B97F4A7C15)), random.NextUInt64());
        Assert.Equal(SplitMix64.Mix(unchecked(seed + (2 * 0x9E3779B97F4A7C15))), random.NextUInt64());
    }

    // 2^64 mod 10 = 6, so only raw draws below 6 would be redrawn; none of the first six are, and each value
    // is the reference output modulo 10.
    [Fact]
    public void NextInt_seed_1234567_bound_10_is_the_reference_sequence_modulo_10()
    {
        var random = new SplitMix64(1234567);

        int[] drawn = [.. Enumerable.Range(0, 6).Select(_ => random.NextInt(10))];

        Assert.Equal([7, 3, 3, 1, 1, 4], drawn);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(int.MaxValue)]
    public void NextInt_stays_below_the_bound(int bound)
    {
        var random = new SplitMix64(99);

        for (var i = 0; i < 1000; i++)
        {
            var value = random.NextInt(bound);
            Assert.InRange(value, 0, bound - 1);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void NextInt_rejects_a_bound_that_is_not_positive(int bound)
    {
        var random = new SplitMix64(1);

        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt(bound));
    }

    // 60 000 draws over 6 values: chi-square with 5 degrees of freedom exceeds 20.5 with probability 0.001.
    [Fact]
    public void NextInt_spreads_evenly_over_the_values()
    {
        var random = new SplitMix64(2026);
        var counts = new int[6];

        for (var i = 0; i < 60_000; i++)
        {
            counts[random.NextInt(6)]++;
        }

        Assert.InRange(Statistics.ChiSquare(counts), 0, 20.5);
    }
}
