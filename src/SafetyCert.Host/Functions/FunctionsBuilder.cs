using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SafetyCert.Host.Functions;

/// <summary>Adds function classes to the catalog; each is a singleton.</summary>
public sealed class FunctionsBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;

    public FunctionsBuilder AddTimer<TFunction>()
        where TFunction : class, ITimerFunction
    {
        Services.TryAddSingleton<TFunction>();
        Services.AddSingleton<ITimerFunction>(sp => sp.GetRequiredService<TFunction>());
        return this;
    }

    public FunctionsBuilder AddQueue<TFunction>()
        where TFunction : class, IQueueFunction
    {
        Services.TryAddSingleton<TFunction>();
        Services.AddSingleton<IQueueFunction>(sp => sp.GetRequiredService<TFunction>());
        return this;
    }
}
