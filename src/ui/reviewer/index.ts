/**
 * The reviewer area (#/review…). Import this module only through a dynamic import() from the
 * app shell, so a commune officer's phone never downloads it:
 *
 *   const Reviewer = lazyScreen<ReviewerRoutesProps>(() => import('../reviewer'));
 *   // for any route whose path is "/review" or starts with "/review/":
 *   <Reviewer path={route.path} query={route.query} />
 *
 * See ./README.md.
 */
import { ReviewerRoutes } from './ReviewerRoutes';

export { ReviewerRoutes, type ReviewerRoutesProps } from './ReviewerRoutes';
export { SignIn } from './SignIn';
export { Communes } from './Communes';
export { Submission } from './Submission';
export { Dashboard } from './Dashboard';
export { Users } from './Users';
export { CriteriaSets } from './CriteriaSets';
export { parseReviewRoute, reviewPaths, isReviewPath, type ReviewRoute } from './routes';
export { ensureReviewerStrings } from './strings';

export default ReviewerRoutes;
