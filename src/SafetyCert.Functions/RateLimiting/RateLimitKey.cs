namespace SafetyCert.Functions.RateLimiting;

/// <summary>What a permit is counted against (a robot, a webhook URL, a client address) and how many the window allows it.</summary>
internal readonly record struct RateLimitKey(string Key, int PermitLimit);
