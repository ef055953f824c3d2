namespace SafetyCert.Domain.Sampling;

/// <summary>
/// The SplitMix64 generator (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014; the 64-bit finalizer constants of Vigna's reference <c>splitmix64.c</c>). The state is a
/// 64-bit counter advanced by the golden-ratio increment <c>0x9E3779B97F4A7C15</c>; each output is that
/// counter passed through a fixed mixing function.
/// </summary>
/// <remarks>
/// Every draw the product makes (review units, spot checks) runs on this generator so that a recorded seed
/// replays the same choice forever: the algorithm is defined here in integer arithmetic only, unlike
/// <c>System.Random</c>, whose sequence for a seed is not promised across .NET versions.
/// </remarks>
public sealed class SplitMix64
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15;

    private ulong state;

    /// <summary>A generator whose first output is <c>Mix(seed + 0x9E3779B97F4A7C15)</c>.</summary>
    public SplitMix64(ulong seed) => state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        state = unchecked(state + GoldenGamma);
        return Mix(state);
    }

    /// <summary>
    /// A uniformly distributed integer in <c>[0, exclusiveBound)</c>. Draws that would favour the low values
    /// (the top <c>2^64 mod bound</c> of the 64-bit range) are rejected and redrawn, so no value is more likely
    /// than another.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The bound is not positive.</exception>
    public int NextInt(int exclusiveBound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveBound);
        var bound = (ulong)exclusiveBound;
        // 2^64 mod bound, computed without 128-bit arithmetic: (2^64 - bound) mod bound.
        var threshold = unchecked(0UL - bound) % bound;
        ulong draw;
        do
        {
            draw = NextUInt64();
        }
        while (draw < threshold);

        return (int)(draw % bound);
    }

    /// <summary>
    /// The SplitMix64 output function: a bijection on 64-bit values that spreads every input bit over the
    /// whole output. Also used to derive independent seeds for sub-draws.
    /// </summary>
    public static ulong Mix(ulong value)
    {
        unchecked
        {
            var z = value;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
