using System.Text.Json.Nodes;

namespace SafetyCert.Engine.Workflows;

/// <summary>
/// Turns a state stored by an older schema version into the JSON of the current one. It is handed the
/// stored JSON and its version and must return JSON the current state type reads; it runs on every
/// load of an old instance until the next transition stores the state at the current version.
/// </summary>
public delegate JsonObject StateUpgrade(JsonObject state, int storedVersion);
