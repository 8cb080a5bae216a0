namespace Aggregator.Drills.Xss;

/// <summary>The counts the XSS drill prints. Browser figures are null when Chromium is missing.</summary>
internal sealed record XssResult(int Vectors, int Placements, int PublishedEntries, RenderedPage? Published, RenderedPage? Control, IReadOnlyList<string> Problems) : IDrillResult
{
    public bool Passed => Problems.Count == 0;

    public string Summary() => Published is null || Control is null
        ? $"xss: {Vectors} vectors in {Placements} placements, {PublishedEntries} published entries; chromium missing, browser part skipped"
        : $"xss: {Vectors} vectors in {Placements} placements, {PublishedEntries} published entries rendered: {Published.Alerts} alerts executed, " +
          $"{Published.Dangerous} dangerous elements/attributes left (control page without the aggregator: {Control.Alerts} alerts, {Control.Dangerous} dangerous)";
}
