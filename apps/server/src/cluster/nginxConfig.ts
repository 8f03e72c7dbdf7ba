/**
 * The proxy in front of several server processes, as an nginx configuration.
 * `deploy/nginx.conf` is the same shape written out for a real host (TLS,
 * names); this renders it for the local cluster and the tests.
 *
 * Each process announces `PUBLIC_ADDRESS=<proxy>/<prefix>` and Colyseus puts
 * that address in every seat reservation, so a client's WebSocket goes to
 * `/<prefix>/<processId>/<code>` and nginx hands it to the process that owns
 * the table. HTTP (guest passes, matchmaking, the web build) goes to any
 * process: a join reaching the wrong one is forwarded inside Colyseus.
 */
export interface ProxiedProcess {
  /** The path segment this process is reached under, e.g. `p1`. */
  readonly prefix: string;
  readonly port: number;
}

export interface NginxOptions {
  readonly listenPort: number;
  readonly processes: readonly ProxiedProcess[];
  /** Folder for nginx's pid, logs and temporary files. */
  readonly dir: string;
}

/** The WebSocket upgrade headers and timeouts every proxied location shares. */
const PROXY_COMMON = `
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;`;

export function nginxConfig(options: NginxOptions): string {
  const { dir, listenPort, processes } = options;
  const servers = processes.map((process) => `    server 127.0.0.1:${process.port} max_fails=1 fail_timeout=3s;`).join('\n');
  const routes = processes
    .map(
      (process) => `
    # The tables of process ${process.prefix}: its WebSockets (and anything else under its prefix).
    location /${process.prefix}/ {
      proxy_pass http://127.0.0.1:${process.port}/;${PROXY_COMMON}
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
    }`,
    )
    .join('\n');
  return `# Rendered by apps/server/src/cluster/nginxConfig.ts for a local cluster.
${typeof process.getuid === 'function' && process.getuid() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;

events {
  worker_connections 4096;
}

http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/temp/body;
  proxy_temp_path ${dir}/temp/proxy;
  fastcgi_temp_path ${dir}/temp/fastcgi;
  uwsgi_temp_path ${dir}/temp/uwsgi;
  scgi_temp_path ${dir}/temp/scgi;
  # Moves are a few bytes: send them at once (Nagle + delayed ACK would hold some 40 ms).
  tcp_nodelay on;

  map $http_upgrade $connection_upgrade {
    default upgrade;
    '' close;
  }

  upstream deckhand_any {
${servers}
    keepalive 32;
  }

  server {
    listen 127.0.0.1:${listenPort};
${routes}

    # Everything else to any live process; a refused connection tries the next.
    location / {
      proxy_pass http://deckhand_any;${PROXY_COMMON}
      proxy_set_header Connection "";
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
    }
  }
}
`;
}
