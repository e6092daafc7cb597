using Parallax.Eval.Entities;

namespace Parallax.Eval.Tests.Entities;

/// <summary>Cross-validation by document on a tiny hand-written IOB2 file (fictional names).</summary>
public class NerCrossValidationTests
{
    [Fact]
    public void NerCrossValidation_PoolsEveryHeldOutDocumentOnce()
    {
        var path = Path.Combine(Path.GetTempPath(), "px-cv-" + Guid.NewGuid().ToString("N") + ".tsv");
        var lines = new List<string>();
        string[] names = ["Ragna", "Tolvik", "Mira", "Sandvik", "Oskar", "Lindqvist"];
        for (var d = 0; d < 4; d++)
        {
            lines.Add($"# doc: d{d}");
            lines.AddRange([$"{names[d]}\tB-PER", $"{names[d + 1]}\tI-PER", "visited\tO", "Ostrava\tB-LOC", ".\tO", ""]);
        }

        File.WriteAllLines(path, lines);
        try
        {
            var score = NerCrossValidation.Run(path, null, folds: 2, epochs: 2, augment: 0);
            Assert.Equal(8, score.Micro.Gold); // every document is held out exactly once: 4 × (1 PER + 1 LOC)
            Assert.Equal(4, score.Sentences);
            Assert.InRange(score.Micro.Correct, 0, score.Micro.Predicted);
            var again = NerCrossValidation.Run(path, null, folds: 2, epochs: 2, augment: 0);
            Assert.Equal(score.Micro, again.Micro);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
