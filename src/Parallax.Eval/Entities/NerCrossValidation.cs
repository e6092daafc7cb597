using Parallax.Language.Entities;

namespace Parallax.Eval.Entities;

/// <summary>
/// N-fold cross-validation by document of the shipped training recipe on UNER English-EWT dev: document i is in fold
/// i mod N; each fold's model is trained on the other folds (plus the open GUM documents when given, plus the same
/// entity-replacement augmentation as the shipped model) and scored on its fold. The result pools the counts of all
/// folds (exact-span micro P/R/F1, as ner.py). This is the honest UNER figure: the shipped model is trained on all of
/// UNER dev, so scoring it there is in-sample. Deterministic for a given seed. <paramref name="predictions"/>, when given,
/// receives the held-out predicted tags of every sentence in file order.
/// </summary>
public static class NerCrossValidation
{
    public static NerScore Run(string unerFile, string? gumTrainFile, int folds, int epochs = NerTrainingSets.DefaultEpochs, int augment = NerTrainingSets.DefaultAugment, ulong seed = NerTrainingSets.DefaultSeed, Action<int, NerScore>? progress = null, IList<IReadOnlyList<string>>? predictions = null, Func<string, bool>? gumFilter = null, bool augmentGum = true, int ensemble = NerTrainingSets.DefaultEnsemble, int lowerCaseCopies = NerTrainingSets.DefaultLowerCaseCopies, int beam = NerTrainingSets.DefaultBeam, int? decodeBeam = null, IReadOnlyList<IReadOnlyList<string>>? openText = null, NerTrainingSets.GumMode gumMode = NerTrainingSets.GumMode.Partial)
    {
        ArgumentNullException.ThrowIfNull(unerFile);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var uner = ConllFile.Read(unerFile);
        var gumDocs = gumTrainFile is null ? [] : ConllFile.Read(gumTrainFile).Documents.Where(d => NerTrainingSets.IsOpenGum(d.Id) && (gumFilter is null || gumFilter(d.Id))).ToList();
        var gumFixed = NerTrainingSets.GumDocuments(gumDocs, gumMode, null);
        var scores = new List<NerScore>();
        var perDoc = new IReadOnlyList<string>[uner.Documents.Length][];
        for (var k = 0; k < folds; k++)
        {
            var fold = k;
            var gum = gumFixed ?? NerTrainingSets.GumDocuments(gumDocs, gumMode, NerTrainingSets.Recognizer(uner.Documents.Where((d, i) => i % folds != fold), augment, epochs, seed, ensemble, lowerCaseCopies, beam, openText))!;
            var train = new List<NerTrainingDoc>(augmentGum ? gum : []);
            train.AddRange(uner.Documents.Where((d, i) => i % folds != fold).Select(NerTrainingSets.ToTraining));
            if (augment > 0)
            {
                train.AddRange(Augmenter.Copies(train, augment, seed, lowerCaseCopies).ToList());
            }

            if (!augmentGum)
            {
                train.AddRange(gum);
            }

            var model = NerTrainer.Train(train, Gazetteer.Default, epochs, seed, ensemble: ensemble, beam: beam, openText: openText);
            var held = uner with { Documents = [.. uner.Documents.Where((d, i) => i % folds == fold)] };
            var predicted = EntitiesEvaluator.Predict(new NerTagger(model, Gazetteer.Default, decodeBeam), held);
            var score = NerScore.Compute(EntitiesEvaluator.Gold(held), predicted);
            var next = 0;
            for (var d = fold; d < perDoc.Length; d += folds)
            {
                perDoc[d] = [.. predicted.Skip(next).Take(uner.Documents[d].Sentences.Length)];
                next += uner.Documents[d].Sentences.Length;
            }

            progress?.Invoke(k, score);
            scores.Add(score);
        }

        if (predictions is not null)
        {
            foreach (var sentence in perDoc.SelectMany(d => d))
            {
                predictions.Add(sentence);
            }
        }

        Prf Sum(Func<NerScore, Prf> f) => new(scores.Sum(x => f(x).Correct), scores.Sum(x => f(x).Predicted), scores.Sum(x => f(x).Gold));
        return new NerScore(Sum(x => x.Micro), scores.Sum(x => x.Sentences), scores.Sum(x => x.Tokens), Sum(x => x.Per), Sum(x => x.Org), Sum(x => x.Loc));
    }
}
