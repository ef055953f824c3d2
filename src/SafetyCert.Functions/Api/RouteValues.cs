using System.Globalization;

namespace SafetyCert.Functions.Api;

/// <summary>Route values the functions receive as text.</summary>
internal static class RouteValues
{
    /// <summary>
    /// A value of an <c>{name:int}</c> segment. The route constraint already matched it with the same parse, so a path
    /// whose segment is not an integer is a 404 of the host, as it always was, and never reaches a function.
    /// </summary>
    public static int Int32(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
