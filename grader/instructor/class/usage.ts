/** The class flags, for the grade command's usage text. */
export const classUsage = `Grading a class (for instructors):
  npm run grade -- --submissions <dir> --out <dir> [slug...] [options]
  --submissions <dir>       one folder per learner (the id is the folder's name): exercise
                            folders, or a whole copy of the kit (with an exercises/ folder)
  --out <dir>               where gradebook.csv, report.html, results/, feedback/ go
  --resume                  finish an interrupted run: learners already graded, whose files
                            have not changed since, are kept
  --shard <k>/<n>           grade only the k-th of n slices of the class (learners by id)
  --format <name>           also write gradescope/<id>/results.json or junit/<id>.xml
                            (gradescope, junit; repeat or separate with commas)
  --hidden-visibility <v>   Gradescope visibility of hidden checks: after_published (default),
                            after_due_date, hidden or visible
  --jobs <n>                learners graded at once (default: the number of cores)
  --typecheck               add type warnings (off by default for a class)
  --request-timeout, --exercise-timeout and --heap-mb apply to each learner as above
  npm run grade -- merge <dir...> --out <dir>
                            join the output folders of shards into one gradebook`;
