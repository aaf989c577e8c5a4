// The page entry: boot.ts (imported first, so it runs first) starts the emulator worker; then the app mounts.
import './boot';
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

mount(App, { target: document.getElementById('app')! });
