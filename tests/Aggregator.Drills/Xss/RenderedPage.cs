namespace Aggregator.Drills.Xss;

/// <summary>What the browser left in the DOM: alert calls, dangerous markup counted by the census, and whether both drill scripts ran.</summary>
internal sealed record RenderedPage(int Alerts, int Dangerous, bool HookRan);
