/**
 * The production web build: its files, and the app page for the client's own
 * routes (`/`, `/t/CODE`, `/g/ID`). Nothing else answers with the app page: a missing
 * file under `/assets` is a 404 (a stale tab asking for an old chunk must fail
 * loudly, not parse HTML as JavaScript), and source maps are never served,
 * even when a build left some behind.
 */
import { join } from 'node:path';
import express from 'express';
import { refusal } from './bodies';

/** Paths the server answers itself; the app page never stands in for them (any letter case). */
const SERVER_PATHS = /^\/(api|matchmake|monitor|health|assets)(\/|$)/i;

export function webBuild(webDist: string): express.Router {
  const router = express.Router();
  router.use((req, res, next) => {
    if (req.path.endsWith('.map')) {
      refusal(res, 404, 'NOT_FOUND', 'There is nothing here.');
      return;
    }
    next();
  });
  router.use(express.static(webDist, { index: 'index.html', maxAge: '1h' }));
  router.get('*', (req, res, next) => {
    if (SERVER_PATHS.test(req.path)) {
      next();
      return;
    }
    res.sendFile(join(webDist, 'index.html'));
  });
  return router;
}
