using System.Reflection;

namespace SafetyCert.Functions.Api.Reference;

/// <summary>One method of one HTTP function as the API reference shows it.</summary>
/// <param name="Name">The <c>[Function]</c> name, the operation's id.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Route">The trigger's route as the Functions host reads it, constraints included (<c>{year:int}</c>).</param>
/// <param name="Body">The JSON body the handler reads, if any.</param>
/// <param name="Result">The typed result the handler answers with, if it declares one.</param>
internal sealed record HttpFunction(string Name, string Method, string Route, MethodInfo Function, Type? Body, Type? Result);
