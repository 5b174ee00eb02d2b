import { code, idList, itemLabel } from '../naming';
import type { Rule } from '../rule';

/** A goal pursued on a platform that its audience does not use. */
export const platformAudienceMismatch: Rule = {
  meta: {
    id: 'platform-audience-mismatch',
    description: 'A goal is pursued on a platform that its audience is not on.',
    severity: 'warning',
    reads: ['platform', 'audience', 'platforms'],
    docs: {
      why: "Platform choice must follow the audience: before deciding where to post, consider where the target audiences actually spend their time and reach them there. A goal to grow engagement on X for an audience that lives on Instagram spends effort where nobody it wants is listening. The audience's `platforms` say where it is; a goal for that audience on any other platform is reported.",
      bad: 'audiences:\n  - id: young-professionals\n    platforms: [linkedin, instagram]\ngoals:\n  - id: tiktok-sessions-q2\n    title: Drive 5,000 website sessions from TikTok by June 30\n    platform: tiktok\n    audience: young-professionals\n',
      good: 'audiences:\n  - id: young-professionals\n    platforms: [linkedin, instagram]\ngoals:\n  - id: ig-sessions-q2\n    title: Drive 5,000 website sessions from Instagram by June 30\n    platform: instagram\n    audience: young-professionals\n',
    },
  },
  check(context) {
    const { workspace } = context;
    for (const goal of workspace.goals) {
      if (goal.platform === undefined) continue;
      // An audience that does not exist is unknown-reference's business.
      const audience = workspace.find('audience', goal.audience);
      if (!audience || audience.platforms.includes(goal.platform)) continue;
      const where =
        audience.platforms.length === 0
          ? `its audience ${code(audience.id ?? '')} lists no platforms; add the platforms where that audience actually is`
          : `its audience ${code(audience.id ?? '')} is on ${idList([...new Set(audience.platforms)])}; pursue the goal where the audience is, or address an audience that uses ${code(goal.platform)}`;
      context.report({
        file: goal.file,
        place: { path: [...goal.path, 'platform'], part: 'value' },
        message: `${itemLabel(goal)} is on ${code(goal.platform)}, but ${where}.`,
        related: [
          { file: audience.file, place: { path: [...audience.path, 'platforms'], part: 'value' }, message: `${itemLabel(audience)} lists its platforms here.` },
        ],
      });
    }
  },
};
