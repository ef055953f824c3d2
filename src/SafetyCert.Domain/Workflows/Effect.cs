namespace SafetyCert.Domain.Workflows;

/// <summary>Something a decision asks the engine to carry out after the new state is stored.</summary>
public abstract record Effect;
