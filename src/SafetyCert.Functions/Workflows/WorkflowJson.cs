using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Functions.Workflows;

/// <summary>
/// The JSON workflows are stored and carried in: web defaults, NodaTime types as ISO text, enums by name, and
/// <see cref="WorkflowEvent"/> / <see cref="Effect"/> written with a <c>$type</c> discriminator equal to the
/// concrete type's name. The concrete types are found by reflection over the given assemblies (the
/// domain's always), so a new event type needs no registration; two types with one name are refused.
/// </summary>
public sealed class WorkflowJson
{
    private readonly FrozenDictionary<string, Type> eventTypes;

    /// <summary>Builds the options over the domain assembly and <paramref name="assemblies"/>.</summary>
    public WorkflowJson(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var all = assemblies.Append(typeof(WorkflowEvent).Assembly).Distinct().ToList();
        var events = Concrete<WorkflowEvent>(all);
        var effects = Concrete<Effect>(all);
        eventTypes = events.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            var derived = info.Type == typeof(WorkflowEvent) ? events : info.Type == typeof(Effect) ? effects : null;
            if (derived is null)
            {
                return;
            }

            info.PolymorphismOptions = new JsonPolymorphismOptions { UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization };
            foreach (var type in derived)
            {
                info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, type.Name));
            }
        });

        Options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = resolver };
        Options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        Options.Converters.Add(new JsonStringEnumConverter());
        Options.MakeReadOnly();
    }

    /// <summary>The serializer options; read-only.</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>Writes an event with its discriminator.</summary>
    public string Serialize(WorkflowEvent @event) => JsonSerializer.Serialize(@event, Options);

    /// <summary>Writes effects with their discriminators.</summary>
    public string Serialize(IEnumerable<Effect> effects) => JsonSerializer.Serialize(effects.ToArray(), Options);

    /// <summary>Writes one effect with its discriminator.</summary>
    public string Serialize(Effect effect) => JsonSerializer.Serialize(effect, Options);

    /// <summary>Writes a state as its own type.</summary>
    public string Serialize(IWorkflowState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return JsonSerializer.Serialize(state, state.GetType(), Options);
    }

    /// <summary>Reads an event written by <see cref="Serialize(WorkflowEvent)"/>.</summary>
    public WorkflowEvent DeserializeEvent(string json) =>
        JsonSerializer.Deserialize<WorkflowEvent>(json, Options) ?? throw new JsonException("An event cannot be null.");

    /// <summary>Reads one effect.</summary>
    public Effect DeserializeEffect(string json) =>
        JsonSerializer.Deserialize<Effect>(json, Options) ?? throw new JsonException("An effect cannot be null.");

    /// <summary>Whether an event type of this name is known.</summary>
    public bool IsEventType(string name) => eventTypes.ContainsKey(name);

    private static List<Type> Concrete<TBase>(IEnumerable<Assembly> assemblies)
    {
        var types = assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(TBase).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
        var clash = types.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException(
                $"{typeof(TBase).Name} types share the name '{clash.Key}' ({string.Join(", ", clash.Select(t => t.FullName))}); the stored discriminator must be unique.");
        }

        return types;
    }
}
