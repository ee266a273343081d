/** Known mistake (adapted from kozoB/FinalProject middlewares/initCart.js and controllers/ShopController.js): an initCart step puts an empty cart in every session before each cart handler, so merely looking at the cart stores a session and sends a cookie. */
import type { Request, Response } from 'express';

const initCart = (req: Request) => {
  if (!req.session.cart) {
    req.session.cart = [];
  }
};

export const addItem = (req: Request, res: Response) => {
  initCart(req);
  const { item } = req.body;
  if (typeof item !== 'string' || item.trim() === '') return res.status(400).send('Missing item');
  // [...[1,2,3], 4] => [1,2,3,4]
  req.session.cart = [...(req.session.cart ?? []), item];
  req.session.save(() => {
    res.send(`Added ${item}`);
  });
};

export const showCart = (req: Request, res: Response) => {
  initCart(req);
  const cartItems = [...(req.session.cart ?? [])];
  res.send(cartItems.length ? `Cart: ${cartItems.join(', ')}` : 'Cart: empty');
};

export const emptyCart = (req: Request, res: Response) => {
  initCart(req);
  req.session.cart = [];
  res.send('Cart emptied');
};
